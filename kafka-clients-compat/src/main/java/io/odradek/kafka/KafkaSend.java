package io.odradek.kafka;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

import io.odradek.api.RecordFuture;

/**
 * One send as Kafka's producer reports it: the {@code Future} of Kafka's {@link RecordMetadata} that
 * {@code send} returns (its {@code get} fails with an {@link ExecutionException} caused by Kafka's exception
 * type), and the Odradek callback that calls the application's Kafka {@link Callback} with Kafka's metadata and
 * exception. One object for both, as there is one per record. Like Kafka's future, it cannot be cancelled.
 */
final class KafkaSend implements Future<RecordMetadata>, io.odradek.api.Callback {
    private final Callback callback;
    private final TopicPartitionCache topicPartitions;
    private volatile RecordFuture future;

    KafkaSend(Callback callback, TopicPartitionCache topicPartitions) {
        this.callback = callback;
        this.topicPartitions = topicPartitions;
    }

    /** Set once {@code send} returned; the callback may run before (a record that fails at once). */
    KafkaSend of(RecordFuture future) {
        this.future = future;
        return this;
    }

    @Override
    public void onCompletion(io.odradek.api.RecordMetadata metadata, Exception exception) {
        callback.onCompletion(topicPartitions.toKafka(metadata),
                exception == null ? null : KafkaExceptions.forRecord(exception));
    }

    @Override
    public RecordMetadata get() throws InterruptedException, ExecutionException {
        try {
            return topicPartitions.toKafka(future.get());
        } catch (ExecutionException e) {
            throw new ExecutionException(KafkaExceptions.forRecord(e.getCause()));
        }
    }

    @Override
    public RecordMetadata get(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return topicPartitions.toKafka(future.get(timeout, unit));
        } catch (ExecutionException e) {
            throw new ExecutionException(KafkaExceptions.forRecord(e.getCause()));
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return false;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean isDone() {
        return future.isDone();
    }
}
