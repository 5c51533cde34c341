package io.odradek.it.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerRecord;
import io.odradek.api.Serializers;
import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;

/**
 * The packaged command line ({@code tools/target/odradek.jar}, the jar {@code bin/odradek} runs) against a
 * real broker, in its own JVM: what a user runs is what is tested, service files of the fat jar included.
 */
@ExtendWith(KafkaBrokerExtension.class)
class CommandLineTest {
    private static final Pattern SUMMARY = Pattern.compile(
            "^(\\d+) records sent, [\\d.]+ records/sec \\([\\d.]+ MB/sec\\), [\\d.]+ ms avg latency, [\\d.]+ ms max"
                    + " latency, \\d+ ms 50th, \\d+ ms 95th, \\d+ ms 99th, \\d+ ms 99\\.9th\\.$");
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
    private static Path jar;

    @BeforeAll
    static void findTheJar() {
        jar = Path.of("..", "tools", "target", "odradek.jar").toAbsolutePath().normalize();
        assertThat(jar).as("the fat jar is built by the tools module before this one").exists();
    }

    @Test
    void perfSendsEveryRecordAndPrintsKafkasSummaryLine(KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("cli-perf", 6);

        Result result = run(List.of("perf", "--topic", topic, "--num-records", "20000", "--record-size", "100",
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + kafka.bootstrapServers(),
                "acks=all", "linger.ms=5"), "");

        assertThat(result.exitCode).as(result.toString()).isZero();
        String summary = result.stdoutLines().stream().filter(l -> SUMMARY.matcher(l).matches()).findFirst()
                .orElseThrow(() -> new AssertionError("no summary line in " + result));
        assertThat(summary).startsWith("20000 records sent, ");
        assertThat(result.stdoutLines()).anySatisfy(l -> assertThat(l).startsWith("odradek: client cpu"));
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(topic, 20000, Duration.ofSeconds(60));
        assertThat(records).hasSize(20000);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.key()).isNull();
            assertThat(r.value()).hasSize(100);
            for (byte b : r.value()) {
                assertThat(b).isBetween((byte) 'A', (byte) 'Z');
            }
        });
    }

    @Test
    void perfCompatSendsThroughKafkasProducerInterface(KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("cli-perf-compat", 3);

        Result result = run(List.of("perf", "--topic", topic, "--num-records", "5000", "--record-size", "50",
                "--throughput", "-1", "--compat", "--producer-props", "bootstrap.servers=" + kafka.bootstrapServers()),
                "");

        assertThat(result.exitCode).as(result.toString()).isZero();
        assertThat(result.stdoutLines()).anySatisfy(l -> assertThat(l).startsWith("5000 records sent, "));
        assertThat(result.stdoutLines()).anySatisfy(l -> assertThat(l).contains("(Kafka's Producer API)"));
        assertThat(kafka.readAll(topic, 5000, Duration.ofSeconds(60))).hasSize(5000);
    }

    @Test
    void brokerRunsOnTheGivenPortAndCreatesTopicsWithTheGivenPartitions(@TempDir Path dataDir) throws Exception {
        int port = freePort();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", jar.toString(), "broker", "--data-dir", dataDir.resolve("kafka").toString(), "--port",
                Integer.toString(port), "--partitions", "3", "--auto-create", "true");
        Path out = Files.createTempFile("odradek-broker", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String expected = "bootstrap.servers=127.0.0.1:" + port;
            long deadlineNs = System.nanoTime() + RUN_TIMEOUT.toNanos();
            while (!Files.readString(out).contains(expected)) {
                assertThat(process.isAlive()).as("odradek broker is running; it printed: %s", Files.readString(out))
                        .isTrue();
                assertThat(System.nanoTime() - deadlineNs).as("broker ready within " + RUN_TIMEOUT).isNegative();
                Thread.sleep(100); // polling interval of a condition with a deadline
            }
            try (Producer<String, String> producer = Producer.create(ProducerConfig.builder()
                    .bootstrapServers("127.0.0.1:" + port).maxBlock(Duration.ofSeconds(60)).build(),
                    Serializers.string(), Serializers.string())) {
                producer.send(new ProducerRecord<>("auto-created", "v")).join();
                assertThat(producer.partitionsFor("auto-created")).hasSize(3);
            }
        } finally {
            stop(process);
        }
    }

    @Test
    void brokerRefusesAnAutoCreateValueThatIsNotABoolean() throws Exception {
        Result result = run(List.of("broker", "--auto-create", "maybe"), "");

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.stderr).contains("--auto-create takes true or false, not maybe");
    }

    /** Stops odradek broker as Ctrl-C would, and waits until the Kafka JVM it started is gone too. */
    private static void stop(Process process) throws Exception {
        List<ProcessHandle> kafkaJvms = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : kafkaJvms) {
            child.onExit().get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void produceSendsEachLineAsARecordAndExitsZero(KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("cli-produce", 1);

        Result result = run(List.of("produce", "--bootstrap-server", kafka.bootstrapServers(), "--topic", topic,
                "--property", "parse.key=true", "--property", "key.separator=:"),
                "k1:first\nk2:second line\nk3:third:with colon\n");

        assertThat(result.exitCode).as(result.toString()).isZero();
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(topic, 3, Duration.ofSeconds(30));
        assertThat(records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactly("k1", "k2", "k3");
        assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("first", "second line", "third:with colon");
    }

    @Test
    void produceExitsNonZeroWhenALineHasNoKeySeparator(KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("cli-produce-bad", 1);

        Result result = run(List.of("produce", "--bootstrap-server", kafka.bootstrapServers(), "--topic", topic,
                "--property", "parse.key=true", "--property", "key.separator=:"), "k1:ok\nno separator here\n");

        assertThat(result.exitCode).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr).contains("No key separator found on line number 2");
    }

    @Test
    void produceExitsNonZeroWhenRecordsAreNotAcknowledged() throws Exception {
        int nobodyListens = freePort();

        Result result = run(List.of("produce", "--bootstrap-server", "127.0.0.1:" + nobodyListens, "--topic", "t",
                "--producer-property", "max.block.ms=1000"), "lost\n");

        assertThat(result.exitCode).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr).contains("not present in metadata");
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Result run(List<String> args, String stdin) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        Path out = Files.createTempFile("odradek-cli", ".out");
        Path err = Files.createTempFile("odradek-cli", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("odradek " + args + " did not finish within " + RUN_TIMEOUT
                    + "; stderr: " + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Result(int exitCode, String stdout, String stderr) {
        List<String> stdoutLines() {
            return stdout.lines().toList();
        }
    }
}
