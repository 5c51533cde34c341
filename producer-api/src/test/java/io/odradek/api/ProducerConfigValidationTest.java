package io.odradek.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProducerConfigValidationTest {

    @Test
    void rejectsAcksOutsideAllowedValues() {
        assertRejected("acks", "most")
                .hasMessage("Invalid value 'most' for configuration acks: allowed values are 0, 1, all (or -1)");
    }

    @Test
    void rejectsAMissingBootstrapServers() {
        assertThatThrownBy(() -> ProducerConfig.from(Map.of("linger.ms", "5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bootstrap.servers");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "localhost", "localhost:", ":9092", "localhost:http", "localhost:0", "localhost:65536",
            "::1:9092", "host name:9092", "a:1;b:2"})
    void rejectsBootstrapServersThatAreNotHostAndPort(String servers) {
        assertRejected("bootstrap.servers", servers)
                .hasMessageStartingWith("Invalid value '" + servers + "' for configuration bootstrap.servers: ")
                .hasMessageContaining("host:port");
    }

    @Test
    void rejectsAnEmptyBootstrapServersList() {
        assertRejected("bootstrap.servers", " , ").hasMessageContaining("at least one host:port");
    }

    @ParameterizedTest
    @CsvSource({
            "batch.size, -1, '[0, 2147483647]'",
            "max.request.size, 0, '[1, 2147483647]'",
            "max.in.flight.requests.per.connection, 0, '[1, 2147483647]'",
            "linger.ms, -5, '[0, 9223372036854775807]'",
            "retries, -1, '[0, 2147483647]'",
            "request.timeout.ms, 2147483648, '[0, 2147483647]'",
            "send.buffer.bytes, -2, '[-1, 2147483647]'",
            "transaction.timeout.ms, 0, '[1, 2147483647]'"})
    void rejectsNumbersOutOfRange(String key, String value, String range) {
        assertRejected(key, value)
                .hasMessage("Invalid value '" + value + "' for configuration " + key + ": allowed range is " + range);
    }

    @Test
    void rejectsAnIntegerKeyGivenALongThatDoesNotFit() {
        assertRejected("batch.size", Long.MAX_VALUE)
                .hasMessageContaining("'" + Long.MAX_VALUE + "'").hasMessageContaining("batch.size");
    }

    @Test
    void rejectsTextWhereANumberBelongs() {
        assertRejected("linger.ms", "5ms")
                .hasMessageStartingWith("Invalid value '5ms' for configuration linger.ms: expected a whole number");
    }

    @Test
    void rejectsABooleanThatIsNotTrueOrFalse() {
        assertRejected("enable.idempotence", "yes")
                .hasMessage("Invalid value 'yes' for configuration enable.idempotence: allowed values are true, false");
    }

    @Test
    void rejectsAnUnknownCompressionType() {
        assertRejected("compression.type", "brotli").hasMessage("Invalid value 'brotli' for configuration "
                + "compression.type: allowed values are none, gzip, snappy, lz4, zstd");
    }

    @ParameterizedTest
    @CsvSource({
            "compression.gzip.level, 0, '[1, 9] or -1'",
            "compression.gzip.level, 10, '[1, 9] or -1'",
            "compression.lz4.level, 18, '[1, 17]'",
            "compression.zstd.level, 23, '[-131072, 22]'",
            "compression.zstd.level, -131073, '[-131072, 22]'"})
    void rejectsCompressionLevelsOutsideTheCodecsRange(String key, String level, String range) {
        assertRejected(key, level)
                .hasMessageStartingWith("Invalid value '" + level + "' for configuration " + key + ": ")
                .hasMessageContaining(range);
    }

    @Test
    void acceptsGzipsDefaultLevelMarker() {
        ProducerConfig config = ProducerConfig.from(Map.of("bootstrap.servers", "localhost:9092",
                "compression.type", "gzip", "compression.gzip.level", "-1"));

        assertThat(config.compressionLevel()).isEqualTo(-1);
    }

    @Test
    void rejectsALevelForACodecWithoutLevels() {
        assertThatThrownBy(() -> ProducerConfig.builder().compression(CompressionType.SNAPPY, 3))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'snappy'").hasMessageContaining("compression.type");
    }

    @Test
    void rejectsAnUnknownTransport() {
        assertRejected("transport", "epoll")
                .hasMessage("Invalid value 'epoll' for configuration transport: allowed values are nio, netty");
    }

    @Test
    void rejectsAnEmptyTransactionalId() {
        assertRejected("transactional.id", " ")
                .hasMessageStartingWith("Invalid value ' ' for configuration transactional.id");
    }

    @Test
    void rejectsAnUnknownSecurityProtocol() {
        assertRejected("security.protocol", "TLS")
                .hasMessage("Invalid value 'TLS' for configuration security.protocol: allowed values are PLAINTEXT,"
                        + " SSL, SASL_PLAINTEXT, SASL_SSL");
    }

    @Test
    void rejectsSecurityKeysKafkaDoesNotHaveRatherThanHandingThemToPlugins() {
        assertRejected("ssl.trust.store", "/etc/truststore.jks")
                .hasMessageContaining("'ssl.trust.store'").hasMessageContaining("not one of Kafka's producer security keys");
    }

    @Test
    void suggestsTheClosestKnownKeyForATypo() {
        assertRejected("linger.msec", "5").hasMessageStartingWith(
                "Unknown configuration 'linger.msec'; did you mean 'linger.ms'?");
        assertRejected("max.in.flight.request.per.connection", "1")
                .hasMessageContaining("did you mean 'max.in.flight.requests.per.connection'?");
        assertRejected("enable.idempotency", "true").hasMessageContaining("did you mean 'enable.idempotence'?");
        assertRejected("metadata.max.idle.msec", "5000").hasMessageContaining("did you mean 'metadata.max.idle.ms'?");
    }

    @Test
    void rejectsNonStringKeys() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("bootstrap.servers", "localhost:9092");
        properties.put(42, "answer");

        assertThatThrownBy(() -> ProducerConfig.from(properties))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'42'");
    }

    @Test
    void rejectsANegativeDurationFromTheBuilderNamingTheKey() {
        assertThatThrownBy(() -> ProducerConfig.builder().bootstrapServers("localhost:9092")
                .linger(Duration.ofMillis(-1)).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value '-1' for configuration linger.ms");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String key, Object value) {
        Map<String, Object> configs = new HashMap<>();
        configs.put("bootstrap.servers", "localhost:9092");
        configs.put(key, value);
        return assertThatThrownBy(() -> ProducerConfig.from(configs)).isInstanceOf(ConfigException.class);
    }
}
