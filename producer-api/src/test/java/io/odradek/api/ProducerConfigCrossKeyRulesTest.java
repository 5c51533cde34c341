package io.odradek.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProducerConfigCrossKeyRulesTest {

    @ParameterizedTest
    @CsvSource({"acks, 0", "acks, 1", "retries, 0", "max.in.flight.requests.per.connection, 6"})
    void turnsDefaultIdempotenceOffWhenAnotherSettingConflicts(String key, String value) {
        ProducerConfig config = config(key, value);

        assertThat(config.idempotenceEnabled()).isFalse();
        assertThat(config.asMap()).containsEntry("enable.idempotence", false);
    }

    @ParameterizedTest
    @CsvSource({"acks, 1, acks=all", "retries, 0, retries > 0",
            "max.in.flight.requests.per.connection, 6, max.in.flight.requests.per.connection <= 5"})
    void rejectsExplicitIdempotenceWithAConflictingSetting(String key, String value, String requirement) {
        assertThatThrownBy(() -> config(key, value, "enable.idempotence", "true"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("enable.idempotence=true")
                .hasMessageContaining(requirement)
                .hasMessageContaining(key).hasMessageContaining(value);
    }

    @Test
    void keepsIdempotenceWithCompatibleSettings() {
        ProducerConfig config = config("max.in.flight.requests.per.connection", "5", "retries", "1");

        assertThat(config.idempotenceEnabled()).isTrue();
    }

    @Test
    void allowsConflictingSettingsOnceIdempotenceIsExplicitlyOff() {
        ProducerConfig config = config("acks", "0", "enable.idempotence", "false");

        assertThat(config.acks()).isEqualTo(Acks.NONE);
        assertThat(config.idempotenceEnabled()).isFalse();
    }

    @Test
    void rejectsATransactionalIdWithIdempotenceExplicitlyOff() {
        assertThatThrownBy(() -> config("transactional.id", "tx", "enable.idempotence", "false"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("transactional.id='tx'")
                .hasMessageContaining("enable.idempotence=false");
    }

    @Test
    void rejectsATransactionalIdWhenAConflictTurnedDefaultIdempotenceOff() {
        assertThatThrownBy(() -> config("transactional.id", "tx", "acks", "1"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("transactional.id").hasMessageContaining("acks=1");
    }

    @Test
    void rejectsAnExplicitDeliveryTimeoutBelowLingerPlusRequestTimeout() {
        assertThatThrownBy(() -> config("delivery.timeout.ms", "1000", "linger.ms", "100",
                "request.timeout.ms", "2000"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid configuration: delivery.timeout.ms (1000) must be at least linger.ms (100)"
                        + " + request.timeout.ms (2000) = 2100");
    }

    @Test
    void acceptsADeliveryTimeoutEqualToLingerPlusRequestTimeout() {
        ProducerConfig config = config("delivery.timeout.ms", "2100", "linger.ms", "100", "request.timeout.ms", "2000");

        assertThat(config.deliveryTimeout()).isEqualTo(Duration.ofMillis(2100));
    }

    @Test
    void raisesTheDefaultDeliveryTimeoutToLingerPlusRequestTimeout() {
        ProducerConfig config = config("linger.ms", "1000", "request.timeout.ms", "150000");

        assertThat(config.deliveryTimeout()).isEqualTo(Duration.ofMillis(151000));
    }

    @Test
    void usesTheMaximumAsAConstantBackoffWhenTheInitialBackoffIsLarger() {
        ProducerConfig config = config("retry.backoff.ms", "500", "retry.backoff.max.ms", "200",
                "reconnect.backoff.ms", "300", "reconnect.backoff.max.ms", "100");

        assertThat(config.retryBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.retryBackoffMax()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.reconnectBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.reconnectBackoffMax()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void doesNotRequireBatchSizeToFitMaxRequestSizeOrBufferMemory() {
        ProducerConfig config = config("batch.size", "2000000", "max.request.size", "1000000", "buffer.memory", "1000");

        assertThat(config.batchSizeBytes()).isEqualTo(2000000);
    }

    private static ProducerConfig config(String... keysAndValues) {
        Map<String, Object> configs = new HashMap<>();
        configs.put("bootstrap.servers", "localhost:9092");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            configs.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return ProducerConfig.from(configs);
    }
}
