package io.odradek.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducerPropertiesTest {

    @Test
    void entryWithoutEqualsIsAnErrorNamingIt() {
        assertThatThrownBy(() -> ProducerProperties.read(null, List.of("acks=all", "lingerms"), "--producer-props"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Invalid property: lingerms")
                .hasMessageContaining("--producer-props");
    }

    @Test
    void entryWithEmptyNameIsAnError() {
        assertThatThrownBy(() -> ProducerProperties.read(null, List.of("=5"), "--producer-props"))
                .hasMessageContaining("Invalid property: =5");
    }

    @Test
    void valueKeepsEverythingAfterTheFirstEquals() throws Exception {
        Properties properties = ProducerProperties.read(null, List.of("client.id=a=b"), "--producer-props");

        assertThat(properties.getProperty("client.id")).isEqualTo("a=b");
    }

    @Test
    void argumentsOverrideTheConfigFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("producer.properties");
        Files.writeString(file, "acks=1\nlinger.ms=5\n");

        Properties properties = ProducerProperties.read(file, List.of("acks=all"), "--producer-props");

        assertThat(properties.getProperty("acks")).isEqualTo("all");
        assertThat(properties.getProperty("linger.ms")).isEqualTo("5");
    }

    @Test
    void missingConfigFileIsAUsageErrorNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.properties");

        assertThatThrownBy(() -> ProducerProperties.read(missing, List.of(), "--producer-props"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void blankBootstrapServersCountAsAbsent() throws IOException {
        Properties properties = new Properties();
        assertThat(ProducerProperties.hasBootstrapServers(properties)).isFalse();
        properties.setProperty("bootstrap.servers", " ");
        assertThat(ProducerProperties.hasBootstrapServers(properties)).isFalse();
        properties.setProperty("bootstrap.servers", "localhost:9092");
        assertThat(ProducerProperties.hasBootstrapServers(properties)).isTrue();
    }

    @Test
    void transportIsNioUnlessTheUserChoosesOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("producer.properties");
        Files.writeString(file, "transport=netty\n");

        assertThat(ProducerProperties.read(null, List.of("acks=all"), "--producer-props").getProperty("transport"))
                .isEqualTo("nio");
        assertThat(ProducerProperties.read(null, List.of("transport=netty"), "--producer-props")
                .getProperty("transport")).isEqualTo("netty");
        assertThat(ProducerProperties.read(file, List.of(), "--producer-props").getProperty("transport"))
                .isEqualTo("netty");
    }
}
