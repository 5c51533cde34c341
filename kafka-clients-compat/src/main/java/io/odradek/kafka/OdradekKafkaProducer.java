package io.odradek.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.serialization.Serializer;

import io.odradek.api.ProducerConfig;

/**
 * Kafka's {@link Producer} interface, with Odradek sending: the one line to change in code written for
 * Kafka's {@code KafkaProducer}.
 *
 * <pre>{@code
 * Properties props = new Properties();
 * props.put("bootstrap.servers", "localhost:9092");
 * props.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
 * props.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
 * Producer<String, String> producer = new OdradekKafkaProducer<>(props);   // was: new KafkaProducer<>(props)
 * producer.send(new ProducerRecord<>("orders", "order-17", "{\"total\": 42}"),
 *         (metadata, exception) -> { if (exception != null) exception.printStackTrace(); });
 * producer.close();
 * }</pre>
 *
 * <p>It takes {@code KafkaProducer}'s constructors and configuration keys, Kafka's {@code Serializer},
 * {@code Partitioner} (which sees a {@code Cluster} made from Odradek's metadata) and {@code ProducerInterceptor}
 * by class name or, for serializers, as instances; it returns Kafka's {@link RecordMetadata} and fails with
 * Kafka's exception types. Add a transport ({@code io.odradek:transport-nio}) beside this artifact.
 *
 * <p>What differs (see the README's "Migrating from KafkaProducer"): {@code send} does not block on metadata;
 * {@link #metrics()} has Odradek's metrics, by Kafka's names, groups and tags; Kafka keys for features Odradek lacks are
 * refused at construction with the reason, and a misspelt key fails. With a {@code transactional.id} the
 * transactional methods reach Odradek's transactions; without one they fail as {@code KafkaProducer}'s do.
 */
public class OdradekKafkaProducer<K, V> implements Producer<K, V> {
    private final io.odradek.api.Producer<K, V> producer;
    private final Transactions transactions;
    private final TopicPartitionCache topicPartitions = new TopicPartitionCache();
    /** Whether a Kafka serializer may add headers, which then needs a writable header list per record. */
    private final boolean serializersWriteHeaders;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final KafkaMetrics metrics = new KafkaMetrics();

    /** As {@code new KafkaProducer<>(configs)}: serializers from {@code key.serializer}/{@code value.serializer}. */
    public OdradekKafkaProducer(Map<String, Object> configs) {
        this(KafkaConfigs.translate(configs, null, null));
    }

    /** As {@code new KafkaProducer<>(configs, keySerializer, valueSerializer)}; a null serializer comes from the configuration. */
    public OdradekKafkaProducer(Map<String, Object> configs, Serializer<K> keySerializer,
                                Serializer<V> valueSerializer) {
        this(KafkaConfigs.translate(configs, keySerializer, valueSerializer));
    }

    /** As {@code new KafkaProducer<>(properties)}. */
    public OdradekKafkaProducer(Properties properties) {
        this(KafkaConfigs.translate(KafkaConfigs.of(properties), null, null));
    }

    /** As {@code new KafkaProducer<>(properties, keySerializer, valueSerializer)}. */
    public OdradekKafkaProducer(Properties properties, Serializer<K> keySerializer, Serializer<V> valueSerializer) {
        this(KafkaConfigs.translate(KafkaConfigs.of(properties), keySerializer, valueSerializer));
    }

    private OdradekKafkaProducer(ProducerConfig config) {
        try {
            this.producer = io.odradek.api.Producer.create(config);
        } catch (RuntimeException e) {
            throw KafkaExceptions.forCall(e);
        }
        this.transactions = config.transactionalId().isPresent() ? new OdradekTransactions(producer)
                : new NoTransactions(config.idempotenceEnabled(), closed::get);
        this.serializersWriteHeaders = writesHeaders(config.keySerializer().orElseThrow())
                || writesHeaders(config.valueSerializer().orElseThrow());
    }

    private static boolean writesHeaders(io.odradek.api.Serializer<?> serializer) {
        return !(serializer instanceof KafkaSerializer<?> kafka) || kafka.usesHeaders();
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<K, V> record) {
        return send(record, null);
    }

    /**
     * Sends as {@code KafkaProducer.send} does, without blocking on metadata: a record for a topic whose
     * partitions are not known yet waits in the producer's buffer, up to {@code max.block.ms}.
     */
    @Override
    public Future<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback) {
        Objects.requireNonNull(record, "record");
        try {
            KafkaSend send = new KafkaSend(callback, topicPartitions);
            // Without a callback Odradek is given none, so it need not make metadata the future may never read.
            return send.of(producer.send(KafkaRecords.toOdradek(record, serializersWriteHeaders),
                    callback == null ? null : send));
        } catch (RuntimeException e) {
            throw KafkaExceptions.forCall(e);
        }
    }

    @Override
    public void flush() {
        try {
            producer.flush();
        } catch (RuntimeException e) {
            throw KafkaExceptions.forCall(e);
        }
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        Objects.requireNonNull(topic, "topic cannot be null");
        try {
            return KafkaClusters.partitionInfos(producer.partitionsFor(topic));
        } catch (RuntimeException e) {
            throw KafkaExceptions.forCall(e);
        }
    }

    /**
     * Odradek's metrics as Kafka's: {@code producer-metrics}, {@code producer-topic-metrics} and
     * {@code producer-node-metrics} by Kafka's names and tags (those Odradek has; see the README), and Odradek's
     * latency breakdown, {@code producer-latency-metrics}. Values are {@code Double}s, read live.
     */
    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return metrics.of(producer.metrics());
    }

    /** Does nothing, as Kafka's producer does when client telemetry is off (which it always is here). */
    @Override
    public void registerMetricForSubscription(KafkaMetric metric) {
    }

    /** Does nothing, as Kafka's producer does when client telemetry is off (which it always is here). */
    @Override
    public void unregisterMetricFromSubscription(KafkaMetric metric) {
    }

    /** Fails as Kafka's producer does with {@code enable.metrics.push=false}: Odradek pushes no metrics. */
    @Override
    public Uuid clientInstanceId(Duration timeout) {
        throw new IllegalStateException("Telemetry is not enabled. Set config `enable.metrics.push` to `true`.");
    }

    @Override
    public void initTransactions() {
        transactions.initTransactions();
    }

    @Override
    public void beginTransaction() throws ProducerFencedException {
        transactions.beginTransaction();
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
                                         ConsumerGroupMetadata groupMetadata) throws ProducerFencedException {
        transactions.sendOffsetsToTransaction(offsets, groupMetadata);
    }

    @Override
    public void commitTransaction() throws ProducerFencedException {
        transactions.commitTransaction();
    }

    @Override
    public void abortTransaction() throws ProducerFencedException {
        transactions.abortTransaction();
    }

    @Override
    public void close() {
        close(Duration.ofMillis(Long.MAX_VALUE));
    }

    @Override
    public void close(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("The timeout cannot be negative.");
        }
        closed.set(true);
        try {
            producer.close(timeout);
        } catch (RuntimeException e) {
            throw KafkaExceptions.forCall(e);
        }
    }
}
