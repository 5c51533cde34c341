package io.odradek.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;

import io.odradek.api.config.ProducerKeys;
import io.odradek.api.spi.ProducerFactory;

/**
 * Sends records to Kafka asynchronously. Thread-safe: share one instance between threads.
 *
 * <pre>{@code
 * ProducerConfig config = ProducerConfig.builder()
 *         .bootstrapServers("localhost:9092")
 *         .linger(Duration.ofMillis(5))
 *         .build();
 * try (Producer<String, String> producer =
 *              Producer.create(config, Serializers.string(), Serializers.string())) {
 *     producer.send(new ProducerRecord<>("orders", "order-17", "{\"total\": 42}"),
 *             (md, error) -> System.out.println(error == null ? "stored at offset " + md.offset() : error));
 * }
 * }</pre>
 *
 * <p>{@link #send} never blocks on metadata: records for a topic whose partitions are not known yet wait
 * in the producer's buffer. It blocks only while {@code buffer.memory} is exhausted, for at most
 * {@code max.block.ms}.
 */
public interface Producer<K, V> extends AutoCloseable {

    /** Sends a record; the future completes when the broker acknowledged it (or failed for good). */
    RecordFuture send(ProducerRecord<K, V> record);

    /**
     * Sends a record and calls {@code callback} on completion, on the producer's I/O thread, in the order
     * the records of one partition were sent. Keep callbacks short.
     */
    RecordFuture send(ProducerRecord<K, V> record, Callback callback);

    /** Sends everything buffered now and waits until each of those records is acknowledged or failed. */
    void flush();

    /** Partition metadata of a topic, fetching it if it is not known, waiting up to {@code max.block.ms}. */
    List<PartitionInfo> partitionsFor(String topic);

    /** Closes, waiting as long as it takes for buffered records to be sent. */
    @Override
    void close();

    /**
     * Closes, waiting at most {@code timeout} for buffered records; records not acknowledged by then are
     * failed with a {@link ProducerClosedException}.
     */
    void close(Duration timeout);

    /**
     * Creates a producer from the implementation on the classpath (add {@code io.odradek:transport-nio}), with
     * these serializer instances. The configuration must not name serializers too ({@code key.serializer},
     * {@code value.serializer}): that would leave it unclear which one runs, so it fails.
     */
    static <K, V> Producer<K, V> create(ProducerConfig config, Serializer<K> keySerializer,
                                        Serializer<V> valueSerializer) {
        Objects.requireNonNull(keySerializer, "keySerializer");
        Objects.requireNonNull(valueSerializer, "valueSerializer");
        rejectSecondSerializer(ProducerKeys.KEY_SERIALIZER, config.asMap().get(ProducerKeys.KEY_SERIALIZER));
        rejectSecondSerializer(ProducerKeys.VALUE_SERIALIZER, config.asMap().get(ProducerKeys.VALUE_SERIALIZER));
        return factory().create(config, keySerializer, valueSerializer);
    }

    /**
     * Creates a producer whose serializers the configuration names ({@code key.serializer},
     * {@code value.serializer}, e.g. {@code io.odradek.api.serialization.StringSerializer}).
     *
     * <pre>{@code
     * Properties properties = new Properties();
     * properties.load(Files.newBufferedReader(Path.of("producer.properties")));  // bootstrap.servers, key.serializer, ...
     * try (Producer<String, String> producer = Producer.create(properties)) { ... }
     * }</pre>
     */
    @SuppressWarnings("unchecked")
    static <K, V> Producer<K, V> create(ProducerConfig config) {
        Serializer<K> keySerializer = (Serializer<K>) config.keySerializer().orElseThrow(() -> missing(ProducerKeys.KEY_SERIALIZER));
        Serializer<V> valueSerializer = (Serializer<V>) config.valueSerializer().orElseThrow(() -> missing(ProducerKeys.VALUE_SERIALIZER));
        return factory().create(config, keySerializer, valueSerializer);
    }

    /** Creates a producer from Kafka-style properties ({@code bootstrap.servers}, {@code acks}, ...). */
    static <K, V> Producer<K, V> create(Properties properties, Serializer<K> keySerializer,
                                        Serializer<V> valueSerializer) {
        // Checked before the configuration exists, so that no serializer is instantiated only to be refused.
        rejectSecondSerializer(ProducerKeys.KEY_SERIALIZER, lookup(properties, ProducerKeys.KEY_SERIALIZER));
        rejectSecondSerializer(ProducerKeys.VALUE_SERIALIZER, lookup(properties, ProducerKeys.VALUE_SERIALIZER));
        return create(ProducerConfig.from(properties), keySerializer, valueSerializer);
    }

    /** Creates a producer from Kafka-style configuration keys. */
    static <K, V> Producer<K, V> create(Map<String, ?> configs, Serializer<K> keySerializer,
                                        Serializer<V> valueSerializer) {
        rejectSecondSerializer(ProducerKeys.KEY_SERIALIZER, configs.get(ProducerKeys.KEY_SERIALIZER));
        rejectSecondSerializer(ProducerKeys.VALUE_SERIALIZER, configs.get(ProducerKeys.VALUE_SERIALIZER));
        return create(ProducerConfig.from(configs), keySerializer, valueSerializer);
    }

    /** Creates a producer from Kafka-style properties that name the serializers. */
    static <K, V> Producer<K, V> create(Properties properties) {
        return create(ProducerConfig.from(properties));
    }

    /** Creates a producer from Kafka-style configuration keys that name the serializers. */
    static <K, V> Producer<K, V> create(Map<String, ?> configs) {
        return create(ProducerConfig.from(configs));
    }

    /** A typed value (a Class) is only visible through get, a default's only through getProperty. */
    private static Object lookup(Properties properties, String key) {
        Object value = properties.get(key);
        return value != null ? value : properties.getProperty(key);
    }

    private static void rejectSecondSerializer(String key, Object configured) {
        if (configured != null) {
            throw new ConfigException("Both a serializer instance and the configuration " + key + "="
                    + (configured instanceof Class<?> type ? type.getName() : configured)
                    + " were given: pass the instance or name the class, not both");
        }
    }

    private static ConfigException missing(String key) {
        return new ConfigException("Missing required configuration " + key + ": name a class that implements "
                + Serializer.class.getName() + " (e.g. io.odradek.api.serialization.StringSerializer), or pass a "
                + "Serializer instance to Producer.create");
    }

    private static ProducerFactory factory() {
        return ServiceLoader.load(ProducerFactory.class, Producer.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new ConfigException(
                        "No Odradek producer implementation on the classpath: add the dependency "
                                + "io.odradek:transport-nio (or io.odradek:transport-netty)"));
    }
}
