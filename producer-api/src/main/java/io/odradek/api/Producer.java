package io.odradek.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;

import io.odradek.api.config.ProducerKeys;
import io.odradek.api.metrics.Metric;
import io.odradek.api.metrics.MetricName;
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
 *
 * <p>Callbacks and interceptors' {@code onAcknowledgement} run on the producer's I/O thread. From there,
 * {@link #flush()} and a {@link #partitionsFor} that would have to wait throw {@link IllegalStateException}
 * (they would wait for the very thread they run on), {@link #close()} does not wait (as {@code close(0)}),
 * and {@link #send} fails a record at once instead of waiting for buffer memory.
 */
public interface Producer<K, V> extends AutoCloseable {

    /** Sends a record; the future completes when the broker acknowledged it (or failed for good). */
    RecordFuture send(ProducerRecord<K, V> record);

    /**
     * Sends a record and calls {@code callback} on completion, on the producer's I/O thread, in the order
     * the records of one partition were sent. Keep callbacks short; an exception a callback throws is logged and
     * affects nothing else.
     *
     * <p>How a record can fail:
     * <ul>
     *   <li>Thrown from {@code send}, the record not taken: {@link ProducerClosedException} after {@link #close};
     *       {@link SerializationException} when a serializer throws and {@link PartitionerException} when the
     *       partitioner does (interceptors hear of both through {@code onAcknowledgement} first, as Kafka's
     *       {@code onSendError}).</li>
     *   <li>Through the future and the callback (and interceptors' {@code onAcknowledgement}), every other failure:
     *       a record larger than {@code max.request.size} or {@code buffer.memory} ({@link RecordTooLargeException}),
     *       a partition the topic does not have ({@link IllegalArgumentException}), no buffer memory within
     *       {@code max.block.ms}, a topic not known within {@code max.block.ms}, {@code delivery.timeout.ms}
     *       passed ({@link TimeoutException}), an error from the broker ({@link BrokerErrorException},
     *       {@link RetriableBrokerErrorException}), close before it was sent ({@link ProducerClosedException}).
     *       {@link Persistence#of} tells whether the failed record may be in the log anyway.</li>
     * </ul>
     * A failed record never affects the others.
     */
    RecordFuture send(ProducerRecord<K, V> record, Callback callback);

    /**
     * Sends everything buffered now and waits until each of those records is acknowledged or failed.
     *
     * @throws IllegalStateException when called from a callback or interceptor (see the class comment)
     */
    void flush();

    /**
     * Makes this producer the one that writes for its {@code transactional.id}: finds the id's transaction
     * coordinator, fences every earlier producer with the same id and has what it left open aborted (KIP-98). Call it
     * once, before the first {@link #beginTransaction()}. Blocks up to {@code max.block.ms}; after a
     * {@link TimeoutException} call it again to go on waiting for the same initialisation.
     *
     * <pre>{@code
     * producer.initTransactions();
     * while (running) {
     *     ConsumerRecords<String, String> input = consumer.poll(Duration.ofMillis(100));
     *     producer.beginTransaction();
     *     try {
     *         for (ConsumerRecord<String, String> in : input) {
     *             producer.send(new ProducerRecord<>("out", in.key(), transform(in.value())));
     *         }
     *         producer.sendOffsetsToTransaction(nextOffsets(input), groupMetadataOf(consumer));
     *         producer.commitTransaction();
     *     } catch (TransactionAbortableException e) {
     *         producer.abortTransaction();   // nothing of it is visible; reprocess from the committed offsets
     *         rewind(consumer);
     *     }                                  // a ProducerFencedException (another instance took over): close
     * }
     * }</pre>
     *
     * @throws IllegalStateException     without {@code transactional.id}, or once initialised
     * @throws ProducerFencedException   a newer producer with the same id exists
     * @throws FatalProducerException    the id is not authorized, or the cluster cannot do transactions
     * @throws TimeoutException          not done within {@code max.block.ms}; call again
     */
    void initTransactions();

    /**
     * Starts a transaction: the records sent from now to {@link #commitTransaction()} become visible to
     * {@code read_committed} consumers together, or never. Does not block.
     *
     * @throws IllegalStateException naming the state that forbids it (not initialised, a transaction already open)
     */
    void beginTransaction();

    /**
     * Commits consumer positions as part of the open transaction: they take effect for {@code groupMetadata}'s group
     * only if the transaction commits (the consume-transform-produce loop of KIP-98/KIP-447). Blocks up to
     * {@code max.block.ms}.
     *
     * @param offsets per consumed partition, the offset of the next record to read
     * @throws IllegalStateException         no transaction is open
     * @throws TransactionAbortableException the offsets were refused (e.g. the member was fenced from its group):
     *                                       abort the transaction
     */
    void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata groupMetadata);

    /**
     * Sends what is buffered, waits for it, and commits the open transaction. Blocks up to {@code max.block.ms};
     * after a {@link TimeoutException} call it again to go on waiting for the same commit.
     *
     * @throws TransactionAbortableException a record of the transaction failed, or the broker aborted it: call
     *                                       {@link #abortTransaction()} and go on
     * @throws ProducerFencedException       close the producer
     */
    void commitTransaction();

    /**
     * Aborts the open transaction: records not sent yet fail with {@link TransactionAbortedException}, and nothing
     * of the transaction becomes visible to {@code read_committed} consumers. Blocks up to {@code max.block.ms}.
     *
     * @throws ProducerFencedException close the producer
     */
    void abortTransaction();

    /** Partition metadata of a topic, fetching it if it is not known, waiting up to {@code max.block.ms}. */
    List<PartitionInfo> partitionsFor(String topic);

    /**
     * The producer's metrics, named as Kafka's producer names them: group {@code producer-metrics} (tag
     * {@code client-id}), {@code producer-topic-metrics} (plus {@code topic}), {@code producer-node-metrics} (plus
     * {@code node-id}), and Odradek's own latency breakdown, {@code producer-latency-metrics}. The map is a snapshot
     * of which metrics exist (a topic's appear once a record was sent to it); each value is read live.
     *
     * <pre>{@code
     * producer.metrics().forEach((name, metric) -> {
     *     if (name.group().equals("producer-metrics") && name.name().equals("record-send-rate")) {
     *         System.out.println("sending " + metric.value() + " records/s");
     *     }
     * });
     * }</pre>
     *
     * @return unmodifiable; empty for a producer that keeps no metrics
     */
    default Map<MetricName, ? extends Metric> metrics() {
        return Map.of();
    }

    /**
     * Closes, waiting as long as it takes for buffered records to be sent. From a callback or interceptor it does
     * not wait: see {@link #close(Duration)}.
     */
    @Override
    void close();

    /**
     * Closes, waiting at most {@code timeout} for buffered records; records not acknowledged by then are
     * failed with a {@link ProducerClosedException}. Called from a callback or interceptor, on the I/O thread,
     * it waits for nothing, as {@code close(Duration.ZERO)}: the records not acknowledged yet fail once that
     * callback has returned (Kafka's producer does the same).
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
