package io.odradek.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProducerConfigDefaultsTest {

    private final ProducerConfig config = ProducerConfig.from(Map.of("bootstrap.servers", "localhost:9092"));

    @Test
    void usesKafka4DefaultsForEverythingUnset() {
        assertThat(config.bootstrapServers()).containsExactly("localhost:9092");
        assertThat(config.acks()).isEqualTo(Acks.ALL);
        assertThat(config.linger()).isEqualTo(Duration.ofMillis(5));
        assertThat(config.batchSizeBytes()).isEqualTo(16384);
        assertThat(config.bufferMemoryBytes()).isEqualTo(33554432L);
        assertThat(config.maxBlock()).isEqualTo(Duration.ofMillis(60000));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(30000));
        assertThat(config.deliveryTimeout()).isEqualTo(Duration.ofMillis(120000));
        assertThat(config.retries()).isEqualTo(Integer.MAX_VALUE);
        assertThat(config.retryBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.retryBackoffMax()).isEqualTo(Duration.ofMillis(1000));
        assertThat(config.reconnectBackoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.reconnectBackoffMax()).isEqualTo(Duration.ofMillis(1000));
        assertThat(config.socketConnectionSetupTimeout()).isEqualTo(Duration.ofMillis(10000));
        assertThat(config.maxRequestSizeBytes()).isEqualTo(1048576);
        assertThat(config.maxInFlightRequestsPerConnection()).isEqualTo(5);
        assertThat(config.idempotenceEnabled()).isTrue();
        assertThat(config.compressionType()).isEqualTo(CompressionType.NONE);
        assertThat(config.compressionLevel()).isZero();
        assertThat(config.partitioner()).isEmpty();
        assertThat(config.partitionerIgnoreKeys()).isFalse();
        assertThat(config.interceptors()).isEmpty();
        assertThat(config.metadataMaxAge()).isEqualTo(Duration.ofMillis(300000));
        assertThat(config.transactionalId()).isEmpty();
        assertThat(config.transactionTimeout()).isEqualTo(Duration.ofMillis(60000));
        assertThat(config.transport()).isEmpty();
        assertThat(config.sendBufferBytes()).isEqualTo(-1);
        assertThat(config.receiveBufferBytes()).isEqualTo(32768);
    }

    @Test
    void numbersEachUnnamedProducerWithAProcessWideCounter() {
        ProducerConfig second = ProducerConfig.from(Map.of("bootstrap.servers", "localhost:9092"));

        assertThat(config.clientId()).matches("odradek-producer-\\d+");
        assertThat(second.clientId()).matches("odradek-producer-\\d+");
        int first = Integer.parseInt(config.clientId().substring("odradek-producer-".length()));
        int next = Integer.parseInt(second.clientId().substring("odradek-producer-".length()));
        assertThat(next).isGreaterThan(first);
    }

    @Test
    void namesATransactionalProducerAfterItsTransactionalId() {
        ProducerConfig transactional = ProducerConfig.from(
                Map.of("bootstrap.servers", "localhost:9092", "transactional.id", "orders-tx"));

        assertThat(transactional.clientId()).isEqualTo("odradek-producer-orders-tx");
    }

    @Test
    void usesTheChosenCodecsDefaultLevelWhenNoLevelIsSet() {
        assertThat(withCompression("gzip").compressionLevel()).isEqualTo(CompressionType.GZIP.defaultLevel());
        assertThat(withCompression("lz4").compressionLevel()).isEqualTo(9);
        assertThat(withCompression("zstd").compressionLevel()).isEqualTo(3);
        assertThat(withCompression("snappy").compressionLevel()).isZero();
    }

    @Test
    void listsEveryEffectiveSettingByKafkaNameInAsMap() {
        Map<String, Object> settings = config.asMap();

        assertThat(settings).containsEntry("acks", "all")
                .containsEntry("linger.ms", 5L)
                .containsEntry("batch.size", 16384)
                .containsEntry("compression.type", "none")
                .containsEntry("enable.idempotence", true)
                .containsEntry("client.id", config.clientId())
                .containsEntry("bootstrap.servers", java.util.List.of("localhost:9092"))
                .doesNotContainKey("transactional.id");
        assertThatThrownBy(() -> settings.put("acks", "1")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void printsOneSortedSettingPerLine() {
        String[] lines = config.toString().split("\n");

        assertThat(lines[0]).isEqualTo("ProducerConfig values:");
        assertThat(lines).contains("    acks = all", "    linger.ms = 5", "    retries = 2147483647");
        java.util.List<String> settingLines = java.util.Arrays.asList(lines).subList(1, lines.length);
        assertThat(settingLines).isSorted().hasSize(config.asMap().size());
    }

    private static ProducerConfig withCompression(String type) {
        return ProducerConfig.from(Map.of("bootstrap.servers", "localhost:9092", "compression.type", type));
    }
}
