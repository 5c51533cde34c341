package io.odradek.tools.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.odradek.tools.FakeProducer;

/** The whole perf command against a fake producer (no broker: bootstrap.servers is given). */
class PerfCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(FakeProducer producer, String line) {
        PerfCommand command = new PerfCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), config -> producer, properties -> {
                    throw new AssertionError("the Kafka API producer is only for --compat");
                }, properties -> {
                    throw new AssertionError("Kafka's own producer is only for --kafka-producer");
                });
        return command.execute(line.split(" "));
    }

    @Test
    void compatSendsThroughKafkasProducerInterface() {
        // Kafka's own MockProducer stands in for OdradekKafkaProducer: what --compat calls is Kafka's interface.
        MockProducer<byte[], byte[]> kafkaApi = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        PerfCommand command = new PerfCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), config -> {
                    throw new AssertionError("--compat must not use Odradek's own API");
                }, properties -> kafkaApi, properties -> {
                    throw new AssertionError("--compat is not Kafka's own producer");
                });

        int status = command.execute(("--topic perf --num-records 50 --record-size 10 --throughput -1 --compat "
                + "--producer-props bootstrap.servers=127.0.0.1:9092").split(" "));

        assertThat(status).isZero();
        assertThat(kafkaApi.history()).hasSize(50).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo("perf");
            assertThat(record.key()).isNull();
            assertThat(record.value()).hasSize(10);
        });
        assertThat(kafkaApi.closed()).isTrue();
        assertThat(stdout().get(0)).startsWith("50 records sent, ");
        assertThat(stdout().get(1)).contains("transport nio (Kafka's Producer API)", "failed 0");
    }

    @Test
    void aTransactionalIdSendsEveryRecordInsideACommittedTransaction() {
        FakeProducer producer = FakeProducer.acknowledgingAll();

        int status = run(producer, "--topic perf --num-records 100 --record-size 10 --throughput -1 "
                + "--transactional-id perf-tx --producer-props bootstrap.servers=127.0.0.1:9092");

        assertThat(status).isZero();
        assertThat(producer.sent()).hasSize(100);
        // 100 records to a fake take far less than the default 3000 ms: one transaction, committed at the end.
        assertThat(producer.transactionCalls).containsExactly("init", "begin", "commit");
        assertThat(stdout()).contains("odradek: 1 transactions committed, 3000 ms each, transactional.id perf-tx");
    }

    @Test
    void aDurationAloneMakesUpATransactionalIdAsKafkasToolDoes() {
        FakeProducer producer = FakeProducer.acknowledgingAll();

        int status = run(producer, "--topic perf --num-records 10 --record-size 10 --throughput -1 "
                + "--transaction-duration-ms 60000 --producer-props bootstrap.servers=127.0.0.1:9092");

        assertThat(status).isZero();
        assertThat(producer.transactionCalls).containsExactly("init", "begin", "commit");
        assertThat(stdout()).anySatisfy(line -> assertThat(line)
                .matches("odradek: 1 transactions committed, 60000 ms each, transactional.id performance-producer-.+"));
    }

    @Test
    void transactionsWithSeveralThreadsAreAUsageError() {
        int status = run(FakeProducer.acknowledgingAll(), "--topic perf --num-records 10 --record-size 10 "
                + "--throughput -1 --threads 2 --producer-props bootstrap.servers=127.0.0.1:9092 transactional.id=t");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--threads 2 cannot be combined with transactions");
    }

    @Test
    void kafkaProducerDrivesKafkasOwnProducerWithTheSameLoopAndRandomKeys() {
        MockProducer<byte[], byte[]> kafka = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        java.util.concurrent.atomic.AtomicReference<java.util.Properties> given = new java.util.concurrent.atomic.AtomicReference<>();
        PerfCommand command = new PerfCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), config -> {
                    throw new AssertionError("--kafka-producer must not use Odradek");
                }, properties -> {
                    throw new AssertionError("--kafka-producer is not Odradek behind Kafka's interface");
                }, properties -> {
                    given.set(properties);
                    return kafka;
                });

        int status = command.execute(("--topic perf --num-records 200 --record-size 10 --throughput -1 "
                + "--kafka-producer --random-keys 5 --producer-props bootstrap.servers=127.0.0.1:9092").split(" "));

        assertThat(status).isZero();
        assertThat(kafka.history()).hasSize(200).allSatisfy(record -> assertThat(record.key()).hasSize(16));
        assertThat(kafka.history().stream().map(record -> java.util.HexFormat.of().formatHex(record.key())).distinct())
                .hasSizeBetween(2, 5);
        assertThat(given.get()).as("Odradek's transport key is not Kafka's").doesNotContainKey("transport")
                .containsEntry("bootstrap.servers", "127.0.0.1:9092");
        assertThat(stdout().get(1)).contains("Apache Kafka's KafkaProducer");
    }

    @Test
    void withoutRandomKeysRecordsHaveNoKeyAsInKafkasTool() {
        FakeProducer producer = FakeProducer.acknowledgingAll();

        run(producer, "--topic perf --num-records 10 --record-size 10 --throughput -1 "
                + "--producer-props bootstrap.servers=127.0.0.1:9092");

        assertThat(producer.sent()).hasSize(10).allSatisfy(record -> assertThat(record.key()).isNull());
    }

    private List<String> stdout() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void sendsEveryRecordFromAllThreadsAndPrintsKafkasSummaryThenOurs() {
        FakeProducer producer = FakeProducer.acknowledgingAll();

        int status = run(producer, "--topic perf --num-records 1000 --record-size 20 --throughput -1 --threads 3 "
                + "--producer-props bootstrap.servers=127.0.0.1:9092");

        assertThat(status).isZero();
        assertThat(producer.sent()).hasSize(1000).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo("perf");
            assertThat(record.key()).isNull();
            assertThat(record.value()).hasSize(20);
        });
        assertThat(producer.closed()).isTrue();
        List<String> lines = stdout();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("1000 records sent, [0-9.]+ records/sec \\([0-9.]+ MB/sec\\), "
                + "[0-9.]+ ms avg latency, [0-9.]+ ms max latency, \\d+ ms 50th, \\d+ ms 95th, \\d+ ms 99th, "
                + "\\d+ ms 99.9th\\.");
        assertThat(lines.get(1)).startsWith("odradek: client cpu ").contains("threads 3", "failed 0");
    }

    @Test
    void failedRecordsAreReportedAndMakeTheExitStatusOne() {
        FakeProducer producer = new FakeProducer(record -> record.value()[0] == '7');

        int status = run(producer, "--topic perf --num-records 100 --payload-monotonic --throughput -1 "
                + "--producer-props bootstrap.servers=127.0.0.1:9092");

        // Values "7" and "70".."79" fail: 11 records.
        assertThat(status).isEqualTo(1);
        assertThat(stdout().get(0)).startsWith("89 records sent, ");
        assertThat(stdout().get(1)).endsWith("failed 11");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("injected failure", "11 records failed");
    }

    @Test
    void printMetricsPrintsTheCountersTheProducersMetricsAndTheLatencyBreakdown() {
        int status = run(FakeProducer.acknowledgingAll(), "--topic perf --num-records 10 --record-size 1 "
                + "--throughput -1 --print-metrics --producer-props bootstrap.servers=127.0.0.1:9092");

        assertThat(status).isZero();
        assertThat(stdout())
                .anySatisfy(line -> assertThat(line).startsWith("Metric Name"))
                .anySatisfy(line -> assertThat(line)
                        .matches("producer-metrics:record-send-total:\\{client-id=fake\\} +: 10\\.000"))
                .anySatisfy(line -> assertThat(line).startsWith("odradek-perf:records-acknowledged").endsWith(": 10"))
                .anySatisfy(line -> assertThat(line).matches("in-flight +- +- +4\\.250 +5\\.500"));
    }

    @Test
    void usageErrorsExitWithTwoAndNameTheFlag() {
        int status = run(FakeProducer.acknowledgingAll(), "--num-records 10 --record-size 1 --throughput -1");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("argument --topic is required", "usage: odradek perf");
    }

    @Test
    void badProducerPropsEntryExitsWithTwoNamingIt() {
        int status = run(FakeProducer.acknowledgingAll(),
                "--topic t --num-records 10 --record-size 1 --throughput -1 --producer-props bootstrap.servers");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Invalid property: bootstrap.servers");
    }
}
