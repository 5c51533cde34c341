package io.odradek.test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.odradek.api.Broker;
import io.odradek.api.Callback;
import io.odradek.api.ConsumerGroupMetadata;
import io.odradek.api.FatalProducerException;
import io.odradek.api.OffsetAndMetadata;
import io.odradek.api.PartitionInfo;
import io.odradek.api.Partitioner;
import io.odradek.api.Producer;
import io.odradek.api.ProducerClosedException;
import io.odradek.api.ProducerFencedException;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordFuture;
import io.odradek.api.RecordMetadata;
import io.odradek.api.RecordToPartition;
import io.odradek.api.Serializer;
import io.odradek.api.TimeoutException;
import io.odradek.api.TopicPartition;

/**
 * A {@link Producer} for testing your own code without a broker: it records every record sent, and completes
 * each send at once ({@code autoComplete}) or when the test says so, successfully or with an error of the
 * test's choosing, as Kafka's {@code MockProducer} does.
 *
 * <pre>{@code
 * MockProducer<String, String> producer = new MockProducer<>(false);
 * OrderService service = new OrderService(producer);          // your code, given the Producer interface
 *
 * service.placeOrder("order-17");
 * assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("order-17");
 * producer.errorNext(new TimeoutException("delivery.timeout.ms"));
 * assertThat(service.failedOrders()).containsExactly("order-17");
 * }</pre>
 *
 * <p>Sends complete in the order they were made. A record that names no partition goes to the partition a
 * {@link Partitioner} given to the constructor chooses (it sees the topics declared with {@link #withTopic}),
 * else to partition 0. Offsets count from 0 per partition. With serializers, keys and values are serialized
 * on {@code send}, as the real producer does, so a serializer's failure surfaces there.
 *
 * <p>States: open; failed for good ({@link #failFatally}, what a real producer enters when it is fenced or
 * not authorized: every later send fails with the error); closed (every later send throws
 * {@link ProducerClosedException}).
 *
 * <p>Transactions as in Kafka's {@code MockProducer}: records sent inside a transaction reach {@link #history()}
 * only when it commits ({@link #uncommittedSends()} until then), an abort drops them, offsets sent to a
 * transaction are kept per commit ({@link #consumerGroupOffsetsHistory()}), {@link #fenceProducer()} makes every
 * later transactional call throw {@link ProducerFencedException}, and {@link #throwOnNext} makes one call throw.
 *
 * <p>Thread-safe; callbacks run on the thread that completes the send (the sender with {@code autoComplete},
 * else the test's).
 */
public class MockProducer<K, V> implements Producer<K, V> {
    private static final Broker MOCK_BROKER = new Broker(0, "mock-broker", 9092);

    private final boolean autoComplete;
    private final Serializer<K> keySerializer;
    private final Serializer<V> valueSerializer;
    private final Partitioner partitioner;
    private final Map<String, Integer> topics = new HashMap<>();
    private final Map<String, Long> nextOffsets = new HashMap<>();
    private final List<ProducerRecord<K, V>> sent = new ArrayList<>();
    private final Deque<Completion> incomplete = new ArrayDeque<>();
    private RuntimeException sendException;
    private RuntimeException flushException;
    private FatalProducerException fatalError;
    private boolean closed;
    private boolean flushed;
    private final MockTransactions<ProducerRecord<K, V>> transactions = new MockTransactions<>();

    /** A record sent and not completed yet, with what its completion needs. */
    private record Completion(ProducerRecord<?, ?> record, int partition, int keySize, int valueSize, long timestamp,
                              Callback callback, CompletableFuture<RecordMetadata> future) {
    }

    /** Without serializers (sizes are reported as -1) or a partitioner. */
    public MockProducer(boolean autoComplete) {
        this(autoComplete, null, null, null);
    }

    /** With the serializers your code would use, run on every send. */
    public MockProducer(boolean autoComplete, Serializer<K> keySerializer, Serializer<V> valueSerializer) {
        this(autoComplete, keySerializer, valueSerializer, null);
    }

    /**
     * @param keySerializer   null to keep keys unserialized
     * @param valueSerializer null to keep values unserialized
     * @param partitioner     null to send records without a partition to partition 0
     */
    public MockProducer(boolean autoComplete, Serializer<K> keySerializer, Serializer<V> valueSerializer,
                        Partitioner partitioner) {
        this.autoComplete = autoComplete;
        this.keySerializer = keySerializer;
        this.valueSerializer = valueSerializer;
        this.partitioner = partitioner;
    }

    /** Declares a topic and its partition count, for {@link #partitionsFor} and the partitioner. */
    public synchronized MockProducer<K, V> withTopic(String topic, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic has at least one partition, got " + partitions);
        }
        topics.put(Objects.requireNonNull(topic, "topic"), partitions);
        return this;
    }

    @Override
    public RecordFuture send(ProducerRecord<K, V> record) {
        return send(record, null);
    }

    @Override
    public synchronized RecordFuture send(ProducerRecord<K, V> record, Callback callback) {
        Objects.requireNonNull(record, "record");
        if (closed) {
            throw new ProducerClosedException("Cannot send to topic " + record.topic()
                    + " after the producer was closed");
        }
        if (sendException != null) {
            RuntimeException thrown = sendException;
            sendException = null;
            throw thrown;
        }
        byte[] keyBytes = keySerializer == null ? null : keySerializer.serialize(record.topic(), record.headers(),
                record.key());
        byte[] valueBytes = valueSerializer == null ? null : valueSerializer.serialize(record.topic(),
                record.headers(), record.value());
        if (!transactions.holds(record)) {
            sent.add(record);
        }
        flushed = false;
        Completion completion = new Completion(record, partitionOf(record, keyBytes, valueBytes), length(keyBytes),
                length(valueBytes), record.timestamp() != null ? record.timestamp() : System.currentTimeMillis(),
                callback, new CompletableFuture<>());
        if (fatalError != null) {
            fail(completion, fatalError);
        } else if (autoComplete) {
            succeed(completion);
        } else {
            incomplete.addLast(completion);
        }
        return RecordFuture.of(completion.future());
    }

    /** Completes the oldest incomplete send successfully; false if there was none. */
    public synchronized boolean completeNext() {
        Completion next = incomplete.pollFirst();
        if (next == null) {
            return false;
        }
        succeed(next);
        return true;
    }

    /** Fails the oldest incomplete send with {@code error}; false if there was none. */
    public synchronized boolean errorNext(RuntimeException error) {
        Objects.requireNonNull(error, "error");
        Completion next = incomplete.pollFirst();
        if (next == null) {
            return false;
        }
        fail(next, error);
        return true;
    }

    /** Completes every incomplete send successfully, as the real flush waits for them all. */
    @Override
    public synchronized void flush() {
        if (flushException != null) {
            RuntimeException thrown = flushException;
            flushException = null;
            throw thrown;
        }
        while (completeNext()) {
            // each call completes one
        }
        flushed = true;
    }

    /** The next {@code send} throws {@code error} instead of sending (once). */
    public synchronized void sendException(RuntimeException error) {
        this.sendException = error;
    }

    /** The next {@code flush} throws {@code error} instead of flushing (once). */
    public synchronized void flushException(RuntimeException error) {
        this.flushException = error;
    }

    /**
     * Puts the producer in the state of one that was fenced or is not authorized: every incomplete send and
     * every later one fails with {@code error}.
     */
    public synchronized void failFatally(FatalProducerException error) {
        this.fatalError = Objects.requireNonNull(error, "error");
        while (!incomplete.isEmpty()) {
            fail(incomplete.pollFirst(), error);
        }
    }

    @Override
    public synchronized void initTransactions() {
        checkOpen("initTransactions");
        transactions.initTransactions();
    }

    @Override
    public synchronized void beginTransaction() {
        checkOpen("beginTransaction");
        transactions.beginTransaction();
    }

    @Override
    public synchronized void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
                                                      ConsumerGroupMetadata groupMetadata) {
        checkOpen("sendOffsetsToTransaction");
        transactions.sendOffsets(offsets, groupMetadata);
    }

    /** Completes the transaction's sends (as the real commit waits for them) and moves them to the history. */
    @Override
    public synchronized void commitTransaction() {
        checkOpen("commitTransaction");
        flush();
        sent.addAll(transactions.commit());
    }

    @Override
    public synchronized void abortTransaction() {
        checkOpen("abortTransaction");
        flush();
        transactions.abort();
    }

    /** What a real producer goes through when another one with its transactional.id starts. */
    public synchronized void fenceProducer() {
        transactions.fence();
    }

    /**
     * The next call of the transactional method named {@code method} ("initTransactions", "beginTransaction",
     * "sendOffsetsToTransaction", "commitTransaction", "abortTransaction") throws {@code error} (once).
     */
    public synchronized void throwOnNext(String method, RuntimeException error) {
        transactions.throwNext(method, error);
    }

    public synchronized boolean transactionInitialized() {
        return transactions.initialized();
    }

    public synchronized boolean transactionInFlight() {
        return transactions.inFlight();
    }

    public synchronized boolean transactionCommitted() {
        return transactions.committed();
    }

    public synchronized boolean transactionAborted() {
        return transactions.aborted();
    }

    public synchronized int commitCount() {
        return transactions.commitCount();
    }

    /** Records sent in the open transaction, not in the history until it commits. */
    public synchronized List<ProducerRecord<K, V>> uncommittedSends() {
        return transactions.uncommittedSends();
    }

    /** The offsets each committed transaction carried, by group, one map per commit that had any. */
    public synchronized List<Map<String, Map<TopicPartition, OffsetAndMetadata>>> consumerGroupOffsetsHistory() {
        return transactions.committedOffsets();
    }

    private void checkOpen(String method) {
        if (closed) {
            throw new IllegalStateException("Cannot " + method + " after the producer was closed");
        }
    }

    /** Every record sent since construction or {@link #clear()}, in send order. */
    public synchronized List<ProducerRecord<K, V>> history() {
        return List.copyOf(sent);
    }

    /** Forgets the history and the sends not completed yet (their futures stay incomplete). */
    public synchronized void clear() {
        sent.clear();
        incomplete.clear();
        nextOffsets.clear();
        flushed = false;
    }

    /** Whether {@link #flush()} was called since the last send. */
    public synchronized boolean flushed() {
        return flushed;
    }

    public synchronized boolean closed() {
        return closed;
    }

    /** The error given to {@link #failFatally}, if any. */
    public synchronized Optional<FatalProducerException> fatalError() {
        return Optional.ofNullable(fatalError);
    }

    /** The partitions of a topic declared with {@link #withTopic}, each led by one mock broker. */
    @Override
    public synchronized List<PartitionInfo> partitionsFor(String topic) {
        Integer count = topics.get(topic);
        if (count == null) {
            throw new TimeoutException("Topic " + topic + " not present in metadata: declare it with withTopic");
        }
        List<PartitionInfo> partitions = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            partitions.add(new PartitionInfo(topic, p, Optional.of(MOCK_BROKER)));
        }
        return partitions;
    }

    /** Closes; sends not completed yet stay incomplete, as in Kafka's MockProducer. */
    @Override
    public synchronized void close() {
        closed = true;
    }

    @Override
    public void close(Duration timeout) {
        close();
    }

    private int partitionOf(ProducerRecord<K, V> record, byte[] keyBytes, byte[] valueBytes) {
        if (record.partition() != null) {
            return record.partition();
        }
        Integer count = topics.get(record.topic());
        if (partitioner == null || count == null) {
            return 0;
        }
        return partitioner.partition(new RecordToPartition(record.topic(), record.key(), keyBytes, record.value(),
                valueBytes), new MockTopicPartitions(record.topic(), partitionsFor(record.topic())));
    }

    private void succeed(Completion completion) {
        String key = completion.record().topic() + "-" + completion.partition();
        long offset = nextOffsets.merge(key, 1L, Long::sum) - 1;
        RecordMetadata metadata = new RecordMetadata(completion.record().topic(), completion.partition(), offset,
                completion.timestamp(), completion.keySize(), completion.valueSize());
        completion.future().complete(metadata);
        if (completion.callback() != null) {
            completion.callback().onCompletion(metadata, null);
        }
    }

    private void fail(Completion completion, RuntimeException error) {
        RecordMetadata metadata = new RecordMetadata(completion.record().topic(), completion.partition(),
                RecordMetadata.UNKNOWN_OFFSET, completion.timestamp(), completion.keySize(), completion.valueSize());
        completion.future().completeExceptionally(error);
        if (completion.callback() != null) {
            completion.callback().onCompletion(metadata, error);
        }
    }

    private static int length(byte[] bytes) {
        return bytes == null ? -1 : bytes.length;
    }
}
