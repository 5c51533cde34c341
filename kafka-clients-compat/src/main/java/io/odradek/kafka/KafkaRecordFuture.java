package io.odradek.kafka;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.odradek.api.RecordFuture;

/**
 * A record's outcome as Kafka's producer returns it: a {@code Future} of Kafka's {@link RecordMetadata}
 * whose {@code get} fails with an {@link ExecutionException} caused by Kafka's exception for the error. Like
 * Kafka's, it cannot be cancelled.
 */
final class KafkaRecordFuture implements Future<RecordMetadata> {
    private final RecordFuture future;

    KafkaRecordFuture(RecordFuture future) {
        this.future = future;
    }

    @Override
    public RecordMetadata get() throws InterruptedException, ExecutionException {
        try {
            return KafkaRecords.toKafka(future.get());
        } catch (ExecutionException e) {
            throw new ExecutionException(KafkaExceptions.forRecord(e.getCause()));
        }
    }

    @Override
    public RecordMetadata get(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return KafkaRecords.toKafka(future.get(timeout, unit));
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
