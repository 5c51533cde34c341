package io.odradek.api.config;

import static io.odradek.api.config.Parsers.bool;
import static io.odradek.api.config.Parsers.intBetween;
import static io.odradek.api.config.Parsers.longBetween;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.odradek.api.Acks;
import io.odradek.api.CompressionType;
import io.odradek.api.Partitioner;
import io.odradek.api.ProducerInterceptor;
import io.odradek.api.Serializer;

/**
 * The producer's configuration keys, spelled as Kafka spells them, with Kafka 4.x defaults. Use the
 * constants instead of string literals when you build a {@code Map} or {@code Properties}.
 *
 * <p>Kafka's keys for features Odradek does not have are in {@link NotImplementedKeys}: each is accepted only
 * with the value that describes what Odradek does, and refused otherwise. A key that is in neither table is
 * a plugin's: it is handed to the plugins' {@code configure} (as Kafka does), unless it looks like a
 * misspelling of a known key, which fails with the key meant; one that no plugin read is logged at WARN.
 */
public final class ProducerKeys {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String CLIENT_ID = "client.id";
    public static final String ACKS = "acks";
    public static final String LINGER_MS = "linger.ms";
    public static final String BATCH_SIZE = "batch.size";
    public static final String BUFFER_MEMORY = "buffer.memory";
    public static final String MAX_BLOCK_MS = "max.block.ms";
    public static final String REQUEST_TIMEOUT_MS = "request.timeout.ms";
    public static final String DELIVERY_TIMEOUT_MS = "delivery.timeout.ms";
    public static final String RETRIES = "retries";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    public static final String RECONNECT_BACKOFF_MS = "reconnect.backoff.ms";
    public static final String RECONNECT_BACKOFF_MAX_MS = "reconnect.backoff.max.ms";
    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MS = "socket.connection.setup.timeout.ms";
    public static final String MAX_REQUEST_SIZE = "max.request.size";
    public static final String MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION = "max.in.flight.requests.per.connection";
    public static final String ENABLE_IDEMPOTENCE = "enable.idempotence";
    public static final String COMPRESSION_TYPE = "compression.type";
    public static final String COMPRESSION_GZIP_LEVEL = "compression.gzip.level";
    public static final String COMPRESSION_LZ4_LEVEL = "compression.lz4.level";
    public static final String COMPRESSION_ZSTD_LEVEL = "compression.zstd.level";
    public static final String PARTITIONER_CLASS = "partitioner.class";
    public static final String PARTITIONER_IGNORE_KEYS = "partitioner.ignore.keys";
    public static final String INTERCEPTOR_CLASSES = "interceptor.classes";
    public static final String METADATA_MAX_AGE_MS = "metadata.max.age.ms";
    public static final String TRANSACTIONAL_ID = "transactional.id";
    public static final String TRANSACTION_TIMEOUT_MS = "transaction.timeout.ms";
    /** Odradek's own key: {@code nio} or {@code netty}; unset means whichever transport is on the class path. */
    public static final String TRANSPORT = "transport";
    public static final String SEND_BUFFER_BYTES = "send.buffer.bytes";
    public static final String RECEIVE_BUFFER_BYTES = "receive.buffer.bytes";
    public static final String SECURITY_PROTOCOL = SecurityKeys.SECURITY_PROTOCOL;
    public static final String METRIC_REPORTERS = "metric.reporters";
    public static final String METRICS_NUM_SAMPLES = "metrics.num.samples";
    public static final String METRICS_SAMPLE_WINDOW_MS = "metrics.sample.window.ms";
    public static final String METRICS_RECORDING_LEVEL = "metrics.recording.level";
    public static final String KEY_SERIALIZER = "key.serializer";
    public static final String VALUE_SERIALIZER = "value.serializer";

    /** The compression level key of each codec that has levels. */
    public static final Map<CompressionType, String> COMPRESSION_LEVEL_KEYS = Map.of(
            CompressionType.GZIP, COMPRESSION_GZIP_LEVEL,
            CompressionType.LZ4, COMPRESSION_LZ4_LEVEL,
            CompressionType.ZSTD, COMPRESSION_ZSTD_LEVEL);

    private static final int MAX_INT = Integer.MAX_VALUE;
    private static final long MAX_LONG = Long.MAX_VALUE;

    private static final Map<String, ConfigKey> TABLE = table(SecurityKeys.rows(),
            ConfigKey.required(BOOTSTRAP_SERVERS, Parsers.bootstrapServers()),
            // Absent means "pick one at construction": see ProducerConfig for the counter.
            ConfigKey.optional(CLIENT_ID, Parsers.nonEmptyString(), null),
            ConfigKey.optional(ACKS, Parsers.acks(), Acks.ALL),
            ConfigKey.optional(LINGER_MS, longBetween(0, MAX_LONG), 5L),
            ConfigKey.optional(BATCH_SIZE, intBetween(0, MAX_INT), 16384),
            ConfigKey.optional(BUFFER_MEMORY, longBetween(0, MAX_LONG), 33554432L),
            ConfigKey.optional(MAX_BLOCK_MS, longBetween(0, MAX_LONG), 60000L),
            ConfigKey.optional(REQUEST_TIMEOUT_MS, intBetween(0, MAX_INT), 30000),
            ConfigKey.optional(DELIVERY_TIMEOUT_MS, intBetween(0, MAX_INT), 120000),
            ConfigKey.optional(RETRIES, intBetween(0, MAX_INT), MAX_INT),
            ConfigKey.optional(RETRY_BACKOFF_MS, longBetween(0, MAX_LONG), 100L),
            ConfigKey.optional(RETRY_BACKOFF_MAX_MS, longBetween(0, MAX_LONG), 1000L),
            ConfigKey.optional(RECONNECT_BACKOFF_MS, longBetween(0, MAX_LONG), 50L),
            ConfigKey.optional(RECONNECT_BACKOFF_MAX_MS, longBetween(0, MAX_LONG), 1000L),
            ConfigKey.optional(SOCKET_CONNECTION_SETUP_TIMEOUT_MS, longBetween(0, MAX_LONG), 10000L),
            ConfigKey.optional(MAX_REQUEST_SIZE, intBetween(1, MAX_INT), 1048576),
            ConfigKey.optional(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, intBetween(1, MAX_INT), 5),
            ConfigKey.optional(ENABLE_IDEMPOTENCE, bool(), true),
            ConfigKey.optional(COMPRESSION_TYPE, Parsers.compressionType(), CompressionType.NONE),
            ConfigKey.optional(COMPRESSION_GZIP_LEVEL, Parsers.compressionLevel(CompressionType.GZIP),
                    CompressionType.GZIP.defaultLevel()),
            ConfigKey.optional(COMPRESSION_LZ4_LEVEL, Parsers.compressionLevel(CompressionType.LZ4),
                    CompressionType.LZ4.defaultLevel()),
            ConfigKey.optional(COMPRESSION_ZSTD_LEVEL, Parsers.compressionLevel(CompressionType.ZSTD),
                    CompressionType.ZSTD.defaultLevel()),
            ConfigKey.optional(PARTITIONER_CLASS, PluginLoader.plugin(Partitioner.class), null),
            ConfigKey.optional(PARTITIONER_IGNORE_KEYS, bool(), false),
            ConfigKey.optional(INTERCEPTOR_CLASSES, PluginLoader.plugins(ProducerInterceptor.class), List.of()),
            ConfigKey.optional(METADATA_MAX_AGE_MS, longBetween(0, MAX_LONG), 300000L),
            ConfigKey.optional(TRANSACTIONAL_ID, Parsers.nonEmptyString(), null),
            ConfigKey.optional(TRANSACTION_TIMEOUT_MS, intBetween(1, MAX_INT), 60000),
            ConfigKey.optional(TRANSPORT, Parsers.oneOf("nio", "netty"), null),
            // -1 asks for the operating system's default buffer size, as in Kafka. Unlike Kafka (131072) the send
            // buffer defaults to it, as librdkafka's does: Linux then grows the buffer as the connection needs
            // (net.ipv4.tcp_wmem, 4 MB at most by default). With 128 KB a broker reading a 1 MB produce request
            // had to wait for the I/O thread to refill the socket about ten times per request, and the one
            // connection to the leader capped throughput (S1, 3 interleaved rounds: 1.11M -> 1.43M records/s,
            // p99 latency 660 -> 279 ms; benchmarks/README.md).
            ConfigKey.optional(SEND_BUFFER_BYTES, intBetween(-1, MAX_INT), -1),
            ConfigKey.optional(RECEIVE_BUFFER_BYTES, intBetween(-1, MAX_INT), 32768),
            // As Kafka 4.x: JMX unless the list says otherwise; a custom reporter replaces it unless JMX is listed too.
            ConfigKey.optional(METRIC_REPORTERS, MetricReporters.parser(), List.of(MetricReporters.JMX_REPORTER)),
            ConfigKey.optional(METRICS_NUM_SAMPLES, intBetween(1, MAX_INT), 2),
            ConfigKey.optional(METRICS_SAMPLE_WINDOW_MS, longBetween(1, MAX_LONG), 30000L),
            // Every producer metric is recorded at INFO, Kafka's included, so DEBUG and TRACE add none.
            ConfigKey.optional(METRICS_RECORDING_LEVEL, recordingLevel(), "INFO"),
            // Unset unless given: Producer.create(config, keySerializer, valueSerializer) takes instances instead.
            ConfigKey.optional(KEY_SERIALIZER, PluginLoader.plugin(Serializer.class), null),
            ConfigKey.optional(VALUE_SERIALIZER, PluginLoader.plugin(Serializer.class), null));

    private ProducerKeys() {
    }

    /** The row for {@code name}, or null if Odradek does not act on that key. */
    public static ConfigKey find(String name) {
        return TABLE.get(name);
    }

    /** Every key Odradek acts on, in table order. */
    public static Iterable<ConfigKey> all() {
        return TABLE.values();
    }

    /** Why Odradek refuses {@code name}, a Kafka security key it does not act on; null if it is not one. */
    public static String securityKeyRefusal(String name) {
        return SecurityKeys.refusal(name);
    }

    /**
     * Every key name of Kafka's producer that Odradek knows, those it acts on and those it refuses
     * ({@link NotImplementedKeys}), for did-you-mean suggestions.
     */
    public static Set<String> knownNames() {
        Set<String> names = new TreeSet<>(TABLE.keySet());
        names.addAll(NotImplementedKeys.names());
        return names;
    }

    /** Kafka's levels, spelt as Kafka spells them; any case is accepted. */
    private static ValueParser recordingLevel() {
        return (key, raw) -> {
            if (raw instanceof String text) {
                String level = text.trim().toUpperCase(java.util.Locale.ROOT);
                if (level.equals("INFO") || level.equals("DEBUG") || level.equals("TRACE")) {
                    return level;
                }
            }
            throw ConfigErrors.invalid(key, raw, "allowed values are INFO, DEBUG, TRACE");
        };
    }

    private static Map<String, ConfigKey> table(List<ConfigKey> securityKeys, ConfigKey... keys) {
        Map<String, ConfigKey> table = new LinkedHashMap<>();
        for (ConfigKey key : keys) {
            table.put(key.name(), key);
        }
        for (ConfigKey key : securityKeys) {
            table.put(key.name(), key);
        }
        return Collections.unmodifiableMap(table);
    }
}
