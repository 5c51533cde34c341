package io.odradek.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Immutable producer configuration. STUB: the typed getters below are the contract the rest of the
 * code base uses; parsing, defaults and validation are being written.
 */
public final class ProducerConfig {

    private ProducerConfig() {
    }

    public static Builder builder() {
        throw new UnsupportedOperationException("being written");
    }

    public static ProducerConfig from(Properties properties) {
        throw new UnsupportedOperationException("being written");
    }

    public static ProducerConfig from(Map<String, ?> configs) {
        throw new UnsupportedOperationException("being written");
    }

    public List<String> bootstrapServers() { throw new UnsupportedOperationException(); }
    public String clientId() { throw new UnsupportedOperationException(); }
    public Acks acks() { throw new UnsupportedOperationException(); }
    public Duration linger() { throw new UnsupportedOperationException(); }
    public int batchSizeBytes() { throw new UnsupportedOperationException(); }
    public long bufferMemoryBytes() { throw new UnsupportedOperationException(); }
    public Duration maxBlock() { throw new UnsupportedOperationException(); }
    public Duration requestTimeout() { throw new UnsupportedOperationException(); }
    public Duration deliveryTimeout() { throw new UnsupportedOperationException(); }
    public int retries() { throw new UnsupportedOperationException(); }
    public Duration retryBackoff() { throw new UnsupportedOperationException(); }
    public Duration retryBackoffMax() { throw new UnsupportedOperationException(); }
    public Duration reconnectBackoff() { throw new UnsupportedOperationException(); }
    public Duration reconnectBackoffMax() { throw new UnsupportedOperationException(); }
    public Duration socketConnectionSetupTimeout() { throw new UnsupportedOperationException(); }
    public int maxRequestSizeBytes() { throw new UnsupportedOperationException(); }
    public int maxInFlightRequestsPerConnection() { throw new UnsupportedOperationException(); }
    public boolean idempotenceEnabled() { throw new UnsupportedOperationException(); }
    public CompressionType compressionType() { throw new UnsupportedOperationException(); }
    /** The level for {@link #compressionType()}; its default level when none was set. */
    public int compressionLevel() { throw new UnsupportedOperationException(); }
    public Optional<Partitioner> partitioner() { throw new UnsupportedOperationException(); }
    public boolean partitionerIgnoreKeys() { throw new UnsupportedOperationException(); }
    public List<ProducerInterceptor<?, ?>> interceptors() { throw new UnsupportedOperationException(); }
    public Duration metadataMaxAge() { throw new UnsupportedOperationException(); }
    public Optional<String> transactionalId() { throw new UnsupportedOperationException(); }
    public Duration transactionTimeout() { throw new UnsupportedOperationException(); }
    public Optional<String> transport() { throw new UnsupportedOperationException(); }
    public int sendBufferBytes() { throw new UnsupportedOperationException(); }
    public int receiveBufferBytes() { throw new UnsupportedOperationException(); }
    /** Every setting as Kafka's key names spell them, for plugins' {@code configure}. */
    public Map<String, Object> asMap() { throw new UnsupportedOperationException(); }

    public static final class Builder {
        public Builder partitioner(Partitioner partitioner) { throw new UnsupportedOperationException(); }
        public ProducerConfig build() { throw new UnsupportedOperationException(); }
    }
}
