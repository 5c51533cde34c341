package io.odradek.tools;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import io.odradek.api.RecordFuture;
import io.odradek.api.Callback;
import io.odradek.api.PartitionInfo;
import io.odradek.api.Producer;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordMetadata;
import io.odradek.api.metrics.Metric;
import io.odradek.api.metrics.MetricName;

/** A producer that acknowledges (or fails, as told) each record at once, on the sending thread. */
public final class FakeProducer implements Producer<byte[], byte[]> {
    private final Predicate<ProducerRecord<byte[], byte[]>> fails;
    private final List<ProducerRecord<byte[], byte[]>> sent = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public FakeProducer(Predicate<ProducerRecord<byte[], byte[]>> fails) {
        this.fails = fails;
    }

    public static FakeProducer acknowledgingAll() {
        return new FakeProducer(record -> false);
    }

    public List<ProducerRecord<byte[], byte[]>> sent() {
        return sent;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public RecordFuture send(ProducerRecord<byte[], byte[]> record) {
        return send(record, (metadata, exception) -> { });
    }

    @Override
    public RecordFuture send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        sent.add(record);
        int keySize = record.key() == null ? -1 : record.key().length;
        int valueSize = record.value() == null ? -1 : record.value().length;
        RecordMetadata metadata = new RecordMetadata(record.topic(), 0, sent.size() - 1, 0, keySize, valueSize);
        if (fails.test(record)) {
            RuntimeException failure = new IllegalStateException("injected failure");
            callback.onCompletion(new RecordMetadata(record.topic(), 0, -1, 0, keySize, valueSize), failure);
            return RecordFuture.failed(failure);
        }
        callback.onCompletion(metadata, null);
        return RecordFuture.of(CompletableFuture.completedFuture(metadata));
    }

    /** Transactional calls in order, for the tools that run transactions (perf --transactional-id). */
    public final List<String> transactionCalls = new CopyOnWriteArrayList<>();

    @Override
    public void initTransactions() {
        transactionCalls.add("init");
    }

    @Override
    public void beginTransaction() {
        transactionCalls.add("begin");
    }

    @Override
    public void sendOffsetsToTransaction(java.util.Map<io.odradek.api.TopicPartition, io.odradek.api.OffsetAndMetadata>
                                                 offsets, io.odradek.api.ConsumerGroupMetadata groupMetadata) {
        transactionCalls.add("sendOffsets");
    }

    @Override
    public void commitTransaction() {
        transactionCalls.add("commit");
    }

    @Override
    public void abortTransaction() {
        transactionCalls.add("abort");
    }

    @Override
    public void flush() {
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return List.of();
    }

    /** Two metrics of the real producer's kinds, with fixed values: what --print-metrics prints. */
    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return Map.ofEntries(metric("producer-metrics", "record-send-total", 10.0),
                metric("producer-latency-metrics", "in-flight-time-ms-p99", 4.25),
                metric("producer-latency-metrics", "in-flight-time-ms-max", 5.5));
    }

    private static Map.Entry<MetricName, Metric> metric(String group, String name, double value) {
        MetricName metricName = new MetricName(name, group, "", Map.of("client-id", "fake"));
        return Map.entry(metricName, new Metric() {
            @Override
            public MetricName metricName() {
                return metricName;
            }

            @Override
            public double value() {
                return value;
            }
        });
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void close(Duration timeout) {
        closed = true;
    }
}
