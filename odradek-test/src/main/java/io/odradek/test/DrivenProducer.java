package io.odradek.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.odradek.api.Callback;
import io.odradek.api.ConsumerGroupMetadata;
import io.odradek.api.OffsetAndMetadata;
import io.odradek.api.PartitionInfo;
import io.odradek.api.Producer;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordFuture;
import io.odradek.api.TopicPartition;
import io.odradek.api.metrics.Metric;
import io.odradek.api.metrics.MetricName;

/**
 * The real producer, with its blocking calls driven: on a fake cluster nothing moves unless the test drives it, so
 * a plain {@code flush()} on the test's thread would wait forever. Sends are passed through untouched; they go out
 * when the test moves time or makes a blocking call.
 */
final class DrivenProducer<K, V> implements Producer<K, V> {
    private final Producer<K, V> producer;
    private final SimulatedTime time;

    DrivenProducer(Producer<K, V> producer, SimulatedTime time) {
        this.producer = producer;
        this.time = time;
    }

    @Override
    public RecordFuture send(ProducerRecord<K, V> record) {
        return producer.send(record);
    }

    @Override
    public RecordFuture send(ProducerRecord<K, V> record, Callback callback) {
        return producer.send(record, callback);
    }

    @Override
    public void flush() {
        drive(producer::flush);
    }

    @Override
    public void initTransactions() {
        drive(producer::initTransactions);
    }

    @Override
    public void beginTransaction() {
        producer.beginTransaction();
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
                                         ConsumerGroupMetadata groupMetadata) {
        drive(() -> producer.sendOffsetsToTransaction(offsets, groupMetadata));
    }

    @Override
    public void commitTransaction() {
        drive(producer::commitTransaction);
    }

    @Override
    public void abortTransaction() {
        drive(producer::abortTransaction);
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return call(() -> producer.partitionsFor(topic));
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return producer.metrics();
    }

    @Override
    public void close() {
        drive(producer::close);
    }

    @Override
    public void close(Duration timeout) {
        drive(() -> producer.close(timeout));
    }

    private void drive(Runnable blocking) {
        call(() -> {
            blocking.run();
            return null;
        });
    }

    /** The producer's methods throw only unchecked exceptions; they reach the caller as they are. */
    private <T> T call(Callable<T> blocking) {
        try {
            return time.callBlocking(blocking);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("a producer method threw a checked exception", e);
        }
    }
}
