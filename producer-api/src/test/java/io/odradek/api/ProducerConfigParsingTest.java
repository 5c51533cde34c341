package io.odradek.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class ProducerConfigParsingTest {

    @Test
    void parsesEveryKeyFromPropertiesStrings() {
        Properties properties = new Properties();
        properties.setProperty("bootstrap.servers", " broker-1:9092, broker-2:9093 ,[::1]:9094");
        properties.setProperty("client.id", "orders");
        properties.setProperty("acks", "-1");
        properties.setProperty("linger.ms", "20");
        properties.setProperty("batch.size", "65536");
        properties.setProperty("buffer.memory", "67108864");
        properties.setProperty("max.block.ms", "1500");
        properties.setProperty("request.timeout.ms", "20000");
        properties.setProperty("delivery.timeout.ms", "90000");
        properties.setProperty("retries", "7");
        properties.setProperty("retry.backoff.ms", "200");
        properties.setProperty("retry.backoff.max.ms", "2000");
        properties.setProperty("reconnect.backoff.ms", "70");
        properties.setProperty("reconnect.backoff.max.ms", "700");
        properties.setProperty("socket.connection.setup.timeout.ms", "4000");
        properties.setProperty("max.request.size", "2097152");
        properties.setProperty("max.in.flight.requests.per.connection", "3");
        properties.setProperty("enable.idempotence", "TRUE");
        properties.setProperty("compression.type", "zstd");
        properties.setProperty("compression.zstd.level", "-5");
        properties.setProperty("partitioner.ignore.keys", "true");
        properties.setProperty("metadata.max.age.ms", "60000");
        properties.setProperty("transactional.id", "orders-tx");
        properties.setProperty("transaction.timeout.ms", "30000");
        properties.setProperty("transport", "netty");
        properties.setProperty("send.buffer.bytes", "262144");
        properties.setProperty("receive.buffer.bytes", "65536");

        ProducerConfig config = ProducerConfig.from(properties);

        assertThat(config.bootstrapServers()).containsExactly("broker-1:9092", "broker-2:9093", "[::1]:9094");
        assertThat(config.clientId()).isEqualTo("orders");
        assertThat(config.acks()).isEqualTo(Acks.ALL);
        assertThat(config.linger()).isEqualTo(Duration.ofMillis(20));
        assertThat(config.batchSizeBytes()).isEqualTo(65536);
        assertThat(config.bufferMemoryBytes()).isEqualTo(67108864L);
        assertThat(config.maxBlock()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.deliveryTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.retries()).isEqualTo(7);
        assertThat(config.retryBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.retryBackoffMax()).isEqualTo(Duration.ofMillis(2000));
        assertThat(config.reconnectBackoff()).isEqualTo(Duration.ofMillis(70));
        assertThat(config.reconnectBackoffMax()).isEqualTo(Duration.ofMillis(700));
        assertThat(config.socketConnectionSetupTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(config.maxRequestSizeBytes()).isEqualTo(2097152);
        assertThat(config.maxInFlightRequestsPerConnection()).isEqualTo(3);
        assertThat(config.idempotenceEnabled()).isTrue();
        assertThat(config.compressionType()).isEqualTo(CompressionType.ZSTD);
        assertThat(config.compressionLevel()).isEqualTo(-5);
        assertThat(config.partitionerIgnoreKeys()).isTrue();
        assertThat(config.metadataMaxAge()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.transactionalId()).contains("orders-tx");
        assertThat(config.transactionTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.transport()).contains("netty");
        assertThat(config.sendBufferBytes()).isEqualTo(262144);
        assertThat(config.receiveBufferBytes()).isEqualTo(65536);
    }

    @Test
    void acceptsTypedJavaValuesAsWellAsStrings() {
        Map<String, Object> configs = new HashMap<>();
        configs.put("bootstrap.servers", List.of("a:1", "b:2"));
        configs.put("linger.ms", 10);
        configs.put("buffer.memory", 1024);
        configs.put("batch.size", 100L);
        configs.put("enable.idempotence", false);
        configs.put("acks", 1);
        configs.put("compression.type", CompressionType.LZ4);

        ProducerConfig config = ProducerConfig.from(configs);

        assertThat(config.bootstrapServers()).containsExactly("a:1", "b:2");
        assertThat(config.linger()).isEqualTo(Duration.ofMillis(10));
        assertThat(config.bufferMemoryBytes()).isEqualTo(1024L);
        assertThat(config.batchSizeBytes()).isEqualTo(100);
        assertThat(config.idempotenceEnabled()).isFalse();
        assertThat(config.acks()).isEqualTo(Acks.LEADER);
        assertThat(config.compressionType()).isEqualTo(CompressionType.LZ4);
    }

    @Test
    void readsValuesFromThePropertiesDefaultsAndNonStringValues() {
        Properties defaults = new Properties();
        defaults.setProperty("bootstrap.servers", "localhost:9092");
        Properties properties = new Properties(defaults);
        properties.put("batch.size", 1000);

        ProducerConfig config = ProducerConfig.from(properties);

        assertThat(config.bootstrapServers()).containsExactly("localhost:9092");
        assertThat(config.batchSizeBytes()).isEqualTo(1000);
    }

    @Test
    void builderProducesTheSameSettingsAsKafkaKeys() {
        ProducerConfig built = ProducerConfig.builder()
                .bootstrapServers("broker-1:9092", "broker-2:9092")
                .clientId("orders")
                .acks(Acks.ALL)
                .linger(Duration.ofMillis(25))
                .batchSizeBytes(32768)
                .bufferMemoryBytes(1L << 26)
                .maxBlock(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(15))
                .deliveryTimeout(Duration.ofMinutes(1))
                .retries(10)
                .retryBackoff(Duration.ofMillis(50))
                .retryBackoffMax(Duration.ofMillis(500))
                .maxRequestSizeBytes(4 << 20)
                .maxInFlightRequestsPerConnection(2)
                .idempotence(true)
                .compression(CompressionType.GZIP, 4)
                .transactionalId("tx-1")
                .transport("nio")
                .set("partitioner.ignore.keys", true)
                .build();

        Map<String, Object> byKafkaName = new HashMap<>();
        byKafkaName.put("bootstrap.servers", "broker-1:9092,broker-2:9092");
        byKafkaName.put("client.id", "orders");
        byKafkaName.put("acks", "all");
        byKafkaName.put("linger.ms", "25");
        byKafkaName.put("batch.size", "32768");
        byKafkaName.put("buffer.memory", String.valueOf(1L << 26));
        byKafkaName.put("max.block.ms", "2000");
        byKafkaName.put("request.timeout.ms", "15000");
        byKafkaName.put("delivery.timeout.ms", "60000");
        byKafkaName.put("retries", "10");
        byKafkaName.put("retry.backoff.ms", "50");
        byKafkaName.put("retry.backoff.max.ms", "500");
        byKafkaName.put("max.request.size", String.valueOf(4 << 20));
        byKafkaName.put("max.in.flight.requests.per.connection", "2");
        byKafkaName.put("enable.idempotence", "true");
        byKafkaName.put("compression.type", "gzip");
        byKafkaName.put("compression.gzip.level", "4");
        byKafkaName.put("transactional.id", "tx-1");
        byKafkaName.put("transport", "nio");
        byKafkaName.put("partitioner.ignore.keys", "true");

        assertThat(built.asMap()).isEqualTo(ProducerConfig.from(byKafkaName).asMap());
        assertThat(built.compressionLevel()).isEqualTo(4);
    }

    @Test
    void readsBackItsOwnAsMap() {
        ProducerConfig original = ProducerConfig.builder()
                .bootstrapServers("localhost:9092")
                .acks(Acks.LEADER)
                .compression(CompressionType.LZ4, 12)
                .build();

        assertThat(ProducerConfig.from(original.asMap()).asMap()).isEqualTo(original.asMap());
    }

    @Test
    void keepsPluginKeysAndAcceptedKafkaKeysInAsMapAsGiven() {
        Map<String, Object> configs = new HashMap<>();
        configs.put("bootstrap.servers", "localhost:9092");
        configs.put("my.partitioner.region", "eu");
        configs.put("connections.max.idle.ms", "-1");
        configs.put("security.protocol", "plaintext");
        configs.put("partitioner.adaptive.partitioning.enable", "false");
        configs.put("metrics.recording.level", "INFO");

        ProducerConfig config = ProducerConfig.from(configs);

        assertThat(config.asMap())
                .containsEntry("my.partitioner.region", "eu")
                .containsEntry("connections.max.idle.ms", "-1")
                .containsEntry("partitioner.adaptive.partitioning.enable", "false")
                .containsEntry("metrics.recording.level", "INFO")
                .containsEntry("security.protocol", "PLAINTEXT");
    }

    @Test
    void letsALaterBuilderCallOverrideAnEarlierOne() {
        ProducerConfig config = ProducerConfig.builder()
                .bootstrapServers("localhost:9092")
                .linger(Duration.ofMillis(50))
                .set("linger.ms", "7")
                .build();

        assertThat(config.linger()).isEqualTo(Duration.ofMillis(7));
    }
}
