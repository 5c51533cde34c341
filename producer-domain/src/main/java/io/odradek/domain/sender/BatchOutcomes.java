package io.odradek.domain.sender;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import io.odradek.api.OdradekException;
import io.odradek.api.TimeoutException;
import io.odradek.domain.accumulator.PartitionQueue;
import io.odradek.domain.accumulator.ProducerBatch;
import io.odradek.domain.accumulator.RecordAccumulator;
import io.odradek.domain.idempotence.BatchErrorAction;
import io.odradek.domain.idempotence.ProducerIdentity;
import io.odradek.domain.metadata.Metadata;
import io.odradek.domain.protocol.KafkaError;

/**
 * What happens to a batch once it left the queue: acknowledged, retried in order, or failed. I/O thread
 * only.
 */
final class BatchOutcomes {
    private final RecordAccumulator accumulator;
    private final ProducerIdentity identity;
    private final Metadata metadata;
    private final SenderSettings settings;
    private final RandomGenerator random;
    private final ProducerBatch.CompletionListener listener;
    private int inFlightBatches;

    BatchOutcomes(RecordAccumulator accumulator, ProducerIdentity identity, Metadata metadata,
                  SenderSettings settings, RandomGenerator random, ProducerBatch.CompletionListener listener) {
        this.accumulator = accumulator;
        this.identity = identity;
        this.metadata = metadata;
        this.settings = settings;
        this.random = random;
        this.listener = listener;
    }

    int inFlightBatches() {
        return inFlightBatches;
    }

    void sent(ProducerBatch batch) {
        PartitionQueue queue = accumulator.existingQueue(batch.topicPartition());
        queue.batchSent();
        inFlightBatches++;
    }

    private PartitionQueue returned(ProducerBatch batch) {
        PartitionQueue queue = accumulator.existingQueue(batch.topicPartition());
        queue.batchReturned();
        inFlightBatches--;
        return queue;
    }

    /** The broker stored the batch at {@code baseOffset} (-1 when acks=0 or unknown). */
    void acknowledged(ProducerBatch batch, long baseOffset, long logAppendTimeMs) {
        PartitionQueue queue = returned(batch);
        identity.onAcknowledged(batch);
        complete(batch, baseOffset, logAppendTimeMs, null);
        if (queue.isRetrying() && queue.inFlightBatches() == 0) {
            ProducerBatch next = queue.peekFirst();
            if (next == null || !next.isRetry()) {
                queue.retrying(false);
            }
        }
    }

    /** The broker answered with an error for the batch. */
    void failedWithError(ProducerBatch batch, short errorCode, String message, long nowNs) {
        PartitionQueue queue = returned(batch);
        if (BrokerErrors.invalidatesMetadata(errorCode)) {
            metadata.requestUpdate();
        }
        BatchErrorAction action = identity.onError(batch, errorCode);
        switch (action) {
            case TREAT_AS_SUCCESS -> {
                identity.onAcknowledged(batch);
                complete(batch, -1L, -1L, null);
            }
            case RETRY, RETRY_AFTER_EPOCH_BUMP -> {
                if (canRetry(batch, nowNs)) {
                    requeue(queue, batch, nowNs);
                } else {
                    identity.onUnknownOutcome(batch);
                    complete(batch, -1L, -1L, retriesExhausted(batch, errorCode, message, nowNs));
                }
            }
            case FAIL, FAIL_AND_BUMP_EPOCH ->
                    complete(batch, -1L, -1L, BrokerErrors.toException(errorCode, message, batch.topicPartition()));
        }
    }

    /** The connection broke or the request timed out: the batch may or may not have been written. */
    void failedInTransit(ProducerBatch batch, String reason, long nowNs) {
        batch.markOutcomeUnknown();
        failedWithError(batch, KafkaError.NETWORK_EXCEPTION, reason, nowNs);
    }

    /**
     * Fails a batch that may already be in the log but can no longer be resent safely: the producer epoch
     * changed, and under the new one the broker would store a resend as a new batch.
     */
    void failInDoubt(ProducerBatch batch) {
        complete(batch, -1L, -1L, new OdradekException("The outcome is unknown of " + batch.recordCount()
                + " record(s) for " + batch.topicPartition() + ": an earlier attempt's answer was lost, and the"
                + " producer epoch had to be bumped since. They may or may not be in the log; they are not sent"
                + " again, which could store them twice."));
    }

    private RuntimeException retriesExhausted(ProducerBatch batch, short errorCode, String message, long nowNs) {
        if (nowNs - batch.createdNs() >= settings.deliveryTimeoutNs()) {
            return expiredException(batch, nowNs, KafkaError.forCode(errorCode) + (message == null ? "" : ": " + message));
        }
        return BrokerErrors.toException(errorCode, message, batch.topicPartition());
    }

    private boolean canRetry(ProducerBatch batch, long nowNs) {
        return batch.attempts() <= settings.retries() && nowNs - batch.createdNs() < settings.deliveryTimeoutNs();
    }

    private void requeue(PartitionQueue queue, ProducerBatch batch, long nowNs) {
        long backoff = Backoff.exponential(settings.retryBackoffNs(), settings.retryBackoffMaxNs(),
                batch.attempts() - 1, random.nextDouble());
        batch.retryNotBeforeNs(nowNs + backoff);
        queue.requeue(batch);
        queue.retrying(true);
    }

    /** Fails the batches whose delivery.timeout.ms passed while they waited in their queues. */
    void expireWaiting(long nowNs) {
        for (PartitionQueue queue : accumulator.queues()) {
            ProducerBatch first = queue.peekFirst();
            if (first == null || nowNs - first.createdNs() < settings.deliveryTimeoutNs()) {
                continue;
            }
            List<ProducerBatch> expired = queue.removeExpired(nowNs, settings.deliveryTimeoutNs());
            for (ProducerBatch batch : expired) {
                if (batch.isRetry()) {
                    identity.onUnknownOutcome(batch);
                }
                complete(batch, -1L, -1L, expiredException(batch, nowNs, null));
            }
        }
    }

    private TimeoutException expiredException(ProducerBatch batch, long nowNs, String lastError) {
        long ageMs = TimeUnit.NANOSECONDS.toMillis(nowNs - batch.createdNs());
        return new TimeoutException("Expiring " + batch.recordCount() + " record(s) for " + batch.topicPartition()
                + ": " + ageMs + " ms has passed since batch creation (delivery.timeout.ms="
                + TimeUnit.NANOSECONDS.toMillis(settings.deliveryTimeoutNs()) + ")"
                + (lastError == null ? "" : "; last error: " + lastError));
    }

    /** Fails a batch that never left its queue (close or a fatal error). */
    void abort(ProducerBatch batch, RuntimeException error) {
        complete(batch, -1L, -1L, error);
    }

    private void complete(ProducerBatch batch, long baseOffset, long logAppendTimeMs, RuntimeException error) {
        if (batch.complete(baseOffset, logAppendTimeMs, error, listener)) {
            accumulator.deallocate(batch);
        }
    }
}
