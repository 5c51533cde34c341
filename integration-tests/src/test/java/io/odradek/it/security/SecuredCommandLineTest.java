package io.odradek.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.odradek.it.transport.BothTransports;
import io.odradek.transport.contract.TestCertificates;

/**
 * The packaged command line ({@code tools/target/odradek.jar}) takes TLS and SASL settings through
 * {@code --producer.config}, as Kafka's tools do.
 */
@BothTransports // so that the one secured broker of the JVM serves every secured test
@ExtendWith(SecuredKafka.class)
class SecuredCommandLineTest {
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

    @Test
    void produceSendsOverSaslSslWithItsSettingsFromAFile(SecuredKafka.Broker kafka) throws Exception {
        String topic = kafka.cluster().createTopic(SecuredKafka.TOPIC_PREFIX + "cli-produce", 1);
        Properties settings = new Properties();
        settings.setProperty("transport", "nio");
        settings.setProperty("security.protocol", "SASL_SSL");
        settings.setProperty("sasl.mechanism", "SCRAM-SHA-512");
        settings.setProperty("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"" + SecuredKafka.USER + "\" password=\"" + SecuredKafka.PASSWORD + "\";");
        settings.setProperty("ssl.truststore.location", kafka.truststore().toString());
        settings.setProperty("ssl.truststore.type", "PKCS12");
        settings.setProperty("ssl.truststore.password", TestCertificates.PASSWORD);

        int exit = run(List.of("produce", "--bootstrap-server", kafka.saslSsl(), "--topic", topic,
                "--producer.config", write(settings).toString()), "first\nsecond\n");

        assertThat(exit).isZero();
        assertThat(kafka.cluster().readAll(topic, 2, Duration.ofSeconds(30)))
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).containsExactly("first", "second");
    }

    @Test
    void perfSendsOverMutualTlsWithItsSettingsFromAFile(SecuredKafka.Broker kafka) throws Exception {
        String topic = kafka.cluster().createTopic(SecuredKafka.TOPIC_PREFIX + "cli-perf", 2);
        Properties settings = new Properties();
        settings.setProperty("transport", "nio");
        settings.setProperty("security.protocol", "SSL");
        settings.setProperty("ssl.truststore.location", kafka.truststore().toString());
        settings.setProperty("ssl.truststore.type", "PKCS12");
        settings.setProperty("ssl.truststore.password", TestCertificates.PASSWORD);
        settings.setProperty("ssl.keystore.location", kafka.clientKeystore().toString());
        settings.setProperty("ssl.keystore.type", "PKCS12");
        settings.setProperty("ssl.keystore.password", TestCertificates.PASSWORD);

        int exit = run(List.of("perf", "--topic", topic, "--num-records", "5000", "--record-size", "100",
                "--throughput", "-1", "--producer.config", write(settings).toString(),
                "--producer-props", "bootstrap.servers=" + kafka.ssl()), "");

        assertThat(exit).isZero();
        assertThat(kafka.cluster().readAll(topic, 5000, Duration.ofSeconds(60))).hasSize(5000);
    }

    private static Path write(Properties settings) throws Exception {
        Path file = Files.createTempFile("odradek-secured", ".properties");
        try (Writer out = Files.newBufferedWriter(file)) {
            settings.store(out, null);
        }
        return file;
    }

    private static int run(List<String> args, String stdin) throws Exception {
        Path jar = Path.of("..", "tools", "target", "odradek.jar").toAbsolutePath().normalize();
        assertThat(jar).as("the fat jar is built by the tools module before this one").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-jar", jar.toString()));
        command.addAll(args);
        Path err = Files.createTempFile("odradek-cli", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("odradek " + args + " did not finish within " + RUN_TIMEOUT + "; stderr: "
                    + Files.readString(err));
        }
        assertThat(Files.readString(err)).as("stderr").doesNotContain(SecuredKafka.PASSWORD);
        return process.exitValue();
    }
}
