package io.odradek.tools.produce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.odradek.tools.UsageException;

class ProduceOptionsTest {

    private static ProduceOptions parse(String line) throws UsageException {
        return ProduceOptions.parse(line.split(" "));
    }

    @Test
    void readsTheConsoleProducerFlags() throws Exception {
        ProduceOptions options = parse("--bootstrap-server localhost:9092 --topic orders --property parse.key=true "
                + "--property key.separator=: --producer-property linger.ms=5 --producer-property acks=1 --sync");

        assertThat(options.topic()).isEqualTo("orders");
        assertThat(options.sync()).isTrue();
        Properties reader = options.lineReaderProperties();
        assertThat(reader.getProperty("parse.key")).isEqualTo("true");
        assertThat(reader.getProperty("key.separator")).isEqualTo(":");
        Properties producer = options.producerConfiguration();
        assertThat(producer.getProperty("bootstrap.servers")).isEqualTo("localhost:9092");
        assertThat(producer.getProperty("linger.ms")).isEqualTo("5");
        assertThat(producer.getProperty("acks")).isEqualTo("1");
    }

    @Test
    void appliesKafkasConsoleDefaultsOnlyWhereNothingWasGiven() throws Exception {
        Properties producer = parse("--bootstrap-server b:9092 --topic t --producer-property linger.ms=5")
                .producerConfiguration();

        assertThat(producer.getProperty("linger.ms")).isEqualTo("5");
        assertThat(producer.getProperty("acks")).isEqualTo("-1");
        assertThat(producer.getProperty("request.timeout.ms")).isEqualTo("1500");
        assertThat(producer.getProperty("client.id")).isEqualTo("console-producer");
    }

    @Test
    void shortcutFlagsWinOverProducerProperties(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.properties");
        Files.writeString(file, "acks=0\nbatch.size=100\nbootstrap.servers=file:9092\n");

        Properties producer = parse("--producer.config " + file + " --producer-property acks=1 "
                + "--request-required-acks all --topic t").producerConfiguration();

        assertThat(producer.getProperty("acks")).isEqualTo("all");
        assertThat(producer.getProperty("batch.size")).isEqualTo("100");
        assertThat(producer.getProperty("bootstrap.servers")).isEqualTo("file:9092");
    }

    @Test
    void compressionCodecWithoutValueIsGzip() throws Exception {
        assertThat(parse("--bootstrap-server b:1 --topic t --compression-codec").producerConfiguration()
                .getProperty("compression.type")).isEqualTo("gzip");
        assertThat(parse("--compression-codec zstd --bootstrap-server b:1 --topic t").producerConfiguration()
                .getProperty("compression.type")).isEqualTo("zstd");
        assertThat(parse("--compression-codec --bootstrap-server b:1 --topic t").producerConfiguration()
                .getProperty("compression.type")).isEqualTo("gzip");
    }

    @Test
    void missingTopicOrBootstrapServerIsAUsageErrorNamingIt() {
        assertThatThrownBy(() -> parse("--bootstrap-server b:1")).isInstanceOf(UsageException.class)
                .hasMessageContaining("topic");
        assertThatThrownBy(() -> parse("--topic t").producerConfiguration()).isInstanceOf(UsageException.class)
                .hasMessageContaining("bootstrap-server");
    }

    @Test
    void badPropertyEntryIsAnErrorNamingIt() {
        assertThatThrownBy(() -> parse("--topic t --property parse.key")).isInstanceOf(UsageException.class)
                .hasMessageContaining("parse.key").hasMessageContaining("--property");
        assertThatThrownBy(() -> parse("--topic t --bootstrap-server b:1 --producer-property acks").producerConfiguration())
                .hasMessageContaining("Invalid property: acks");
    }

    @Test
    void commandExitsWithTwoOnUsageErrorsBeforeCreatingAProducer() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProduceCommand command = new ProduceCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), config -> {
                    throw new AssertionError("no producer for a usage error");
                });

        int status = command.execute(new String[] {"--bootstrap-server", "b:1", "--topic", "t", "--property", "parse.kee=true"},
                new ByteArrayInputStream(new byte[0]));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("parse.kee");
    }
}
