package io.odradek.domain.sender;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import io.odradek.api.OdradekException;
import io.odradek.api.Persistence;
import io.odradek.api.TimeoutException;
import io.odradek.domain.accumulator.PartitionQueue;
import io.odradek.domain.accumulator.ProducerBatch;
import io.odradek.domain.accumulator.RecordAccumulator;
import io.odradek.domain.idempotence.BatchErrorAction;
import io.odradek.domain.idempotence.ProducerIdentity;
import io.odradek.domain.log.ProducerLog;
import io.odradek.domain.log.RateLimitedWarning;
import io.odradek.domain.metadata.Metadata;
import io.odradek.domain.metrics.ProducerMetrics;
import io.odradek.domain.protocol.KafkaError;

/**
 * What happens to a batch once it left the queue: acknowledged, retried in order, or failed. I/O thread
 * only.
 *
 * <p>Retries are counted as Kafka counts them: a batch is sent at most {@code retries + 1} times, and never after
 * its {@code delivery.timeout.ms}. A batch waiting for a connection or for metadata is not being retried and uses
 * no attempt.
 */
final class BatchOutcomes {
    private static final long WARNING_INTERVAL_NS = TimeUnit.SECONDS.toNanos(30);

    private final RecordAccumulator accumulator;
    private final ProducerIdentity identity;
    private final Metadata metadata;
    private final SenderSettings settings;
    private final RandomGenerator random;
    private final ProducerBatch.CompletionListener listener;
    private final ProducerMetrics metrics;
    private final ProducerLog log;
    /** Batches expiring or failing come in bursts (a broker down): one WARN at once, then one per interval. */
    private final RateLimitedWarning expired;
    private final RateLimitedWarning failed;

    BatchOutcomes(RecordAccumulator accumulator, ProducerIdentity identity, Metadata metadata,
                  SenderSettings settings, RandomGenerator random, ProducerBatch.CompletionListener listener,
                  ProducerMetrics metrics) {
        this.metrics = metrics;
        this.log = settings.log().logger(BatchOutcomes.class);
        this.expired = new RateLimitedWarning(log, WARNING_INTERVAL_NS);
        this.failed = new RateLimitedWarning(log, WARNING_INTERVAL_NS);
        this.accumulator = accumulator;
        this.identity = identity;
        this.metadata = metadata;
        this.settings = settings;
        this.random = random;
        this.listener = listener;
    }

    void sent(ProducerBatch batch) {
        accumulator.existingQueue(batch.topicPartition()).batchSent(batch.attempts() > 1);
        batch.onWire(true);
    }

    /** The batch's request was answered or lost: the transport holds its buffer no more. */
    private void returned(ProducerBatch batch) {
        accumulator.existingQueue(batch.topicPartition()).batchReturned(batch.attempts() > 1);
        batch.onWire(false);
        if (batch.isCompleted()) {
            // It expired while in flight; its memory waited for the request to be done with it.
            accumulator.release(batch);
        }
    }

    /** The broker stored the batch at {@code baseOffset} (-1 when acks=0 or unknown). */
    void acknowledged(ProducerBatch batch, long baseOffset, long logAppendTimeMs, long nowNs) {
        returned(batch);
        identity.onAcknowledged(batch);
        succeed(batch, baseOffset, logAppendTimeMs, nowNs);
    }

    private void succeed(ProducerBatch batch, long baseOffset, long logAppendTimeMs, long nowNs) {
        if (complete(batch, baseOffset, logAppendTimeMs, null)) {
            metrics.latency().batchAcknowledged(batch.recordCount(), batch.createdNs(), batch.readyNs(),
                    batch.firstSentNs(), batch.lastSentNs(), nowNs);
        }
    }

    /** The broker answered with an error for the batch. */
    void failedWithError(ProducerBatch batch, short errorCode, String message, long nowNs) {
        returned(batch);
        if (BrokerErrors.invalidatesMetadata(errorCode)) {
            metadata.requestUpdate();
        }
        if (batch.isCompleted()) {
            // It expired while in flight: its records were failed then; its sequence is settled now that the
            // broker's answer is in.
            identity.onFailed(batch, batch.error());
            return;
        }
        if (BrokerErrors.mayHaveBeenWritten(errorCode)) {
            batch.markPossiblyWritten();
        }
        switch (identity.onError(batch, errorCode)) {
            case TREAT_AS_SUCCESS -> {
                identity.onAcknowledged(batch);
                succeed(batch, -1L, -1L, nowNs);
            }
            case RETRY -> {
                if (canRetry(batch, nowNs)) {
                    log.debug("Retrying the batch for {} after attempt {}: {} {}", batch.topicPartition(),
                            batch.attempts(), KafkaError.nameOf(errorCode), message);
                    requeue(batch, nowNs);
                } else {
                    failWithWarning(batch, retriesExhausted(batch, errorCode, message, nowNs), nowNs);
                }
            }
            case FAIL -> failWithWarning(batch, BrokerErrors.toException(errorCode, message, batch.topicPartition(),
                    persistence(batch)), nowNs);
        }
    }

    /** The connection broke or the request timed out: the batch may or may not have been written. */
    void failedInTransit(ProducerBatch batch, String reason, long nowNs) {
        failedWithError(batch, KafkaError.NETWORK_EXCEPTION, reason, nowNs);
    }

    private RuntimeException retriesExhausted(ProducerBatch batch, short errorCode, String message, long nowNs) {
        if (nowNs - batch.createdNs() >= settings.deliveryTimeoutNs()) {
            return expiredException(batch, nowNs, KafkaError.forCode(errorCode) + (message == null ? "" : ": " + message));
        }
        return BrokerErrors.toException(errorCode, message, batch.topicPartition(), persistence(batch));
    }

    private boolean canRetry(ProducerBatch batch, long nowNs) {
        return batch.attempts() <= settings.retries() && nowNs - batch.createdNs() < settings.deliveryTimeoutNs();
    }

    private void requeue(ProducerBatch batch, long nowNs) {
        long backoff = Backoff.exponential(settings.retryBackoffNs(), settings.retryBackoffMaxNs(),
                batch.attempts() - 1, random.nextDouble());
        batch.retryNotBeforeNs(nowNs + backoff);
        accumulator.existingQueue(batch.topicPartition()).requeue(batch);
        metrics.send().retried(batch.topicPartition().topic(), batch.recordCount(), nowNs / 1_000_000L);
    }

    /** Fails the batches whose delivery.timeout.ms passed while they waited in their queues. */
    void expireWaiting(long nowNs) {
        for (PartitionQueue queue : accumulator.queues()) {
            ProducerBatch first = queue.peekFirst();
            if (first == null || nowNs - first.createdNs() < settings.deliveryTimeoutNs()) {
                continue;
            }
            List<ProducerBatch> expiredBatches = queue.removeExpired(nowNs, settings.deliveryTimeoutNs());
            for (ProducerBatch batch : expiredBatches) {
                RuntimeException error = expiredException(batch, nowNs, null);
                warnExpired(error, nowNs);
                fail(batch, error);
            }
        }
    }

    /**
     * Fails the records of a batch whose delivery.timeout.ms passed while its request is still unanswered: the
     * record's deadline holds whatever the broker does. The partition's sequences wait for the answer (or the lost
     * connection), which says whether the batch is in the log.
     */
    void expireInFlight(ProducerBatch batch, long nowNs) {
        if (batch.isCompleted()) {
            return;
        }
        batch.markPossiblyWritten();
        RuntimeException error = expiredException(batch, nowNs, "its request is still unanswered");
        warnExpired(error, nowNs);
        complete(batch, -1L, -1L, error);
    }

    private TimeoutException expiredException(ProducerBatch batch, long nowNs, String lastError) {
        long ageMs = TimeUnit.NANOSECONDS.toMillis(nowNs - batch.createdNs());
        Persistence persistence = persistence(batch);
        return new TimeoutException("Expiring " + batch.recordCount() + " record(s) for " + batch.topicPartition()
                + ": " + ageMs + " ms has passed since batch creation (delivery.timeout.ms="
                + TimeUnit.NANOSECONDS.toMillis(settings.deliveryTimeoutNs()) + ")"
                + (lastError == null ? "" : "; last error: " + lastError)
                + (persistence == Persistence.POSSIBLY_PERSISTED
                ? ". An attempt reached the broker unanswered, so the records may be in the log."
                : ". No attempt was written, so the records are not in the log."), persistence);
    }

    /**
     * Fails a waiting retry that may already be in the log but can no longer be resent safely: the broker lost the
     * producer's state for its partition, so under the new epoch it would store a resend as a new batch.
     */
    void failInDoubt(ProducerBatch batch) {
        accumulator.existingQueue(batch.topicPartition()).remove(batch);
        fail(batch, new OdradekException("The outcome is unknown of " + batch.recordCount() + " record(s) for "
                + batch.topicPartition() + ": an earlier attempt's answer was lost, and then the broker lost this"
                + " producer's state for the partition, so it could not recognise a resend as a duplicate. They may"
                + " or may not be in the log; they are not sent again, which could store them twice.", null,
                Persistence.POSSIBLY_PERSISTED));
    }

    /** Fails every batch that was never sent (it has no sequence), leaving retries to finish: a transaction aborts. */
    void failUnsent(RuntimeException error) {
        for (PartitionQueue queue : accumulator.queues()) {
            for (ProducerBatch batch : queue.removeUnsent()) {
                fail(batch, error);
            }
        }
    }

    /** Fails a batch on close or a fatal error; {@code inFlight} if its request is still unanswered. */
    void abort(ProducerBatch batch, RuntimeException error, boolean inFlight) {
        if (inFlight) {
            batch.markPossiblyWritten();
            returned(batch);
        }
        fail(batch, Failures.withPersistence(error, persistence(batch)));
    }

    private static Persistence persistence(ProducerBatch batch) {
        return batch.isPossiblyWritten() ? Persistence.POSSIBLY_PERSISTED : Persistence.NOT_PERSISTED;
    }

    private void warnExpired(RuntimeException error, long nowNs) {
        expired.warn(nowNs, "Records expired (more in the next 30 s are counted in record-error-total, not logged): {}",
                error.getMessage());
    }

    private void failWithWarning(ProducerBatch batch, RuntimeException error, long nowNs) {
        failed.warn(nowNs, "Failed to send {} record(s) to {} (more failures in the next 30 s are counted in record-error-total,"
                + " not logged): {}", batch.recordCount(), batch.topicPartition(),
                error.toString());
        fail(batch, error);
    }

    private void fail(ProducerBatch batch, RuntimeException error) {
        identity.onFailed(batch, error);
        complete(batch, -1L, -1L, error);
    }

    /** @return whether this completed the batch (false if it already was) */
    private boolean complete(ProducerBatch batch, long baseOffset, long logAppendTimeMs, RuntimeException error) {
        if (!batch.complete(baseOffset, logAppendTimeMs, error, listener)) {
            return false;
        }
        if (error != null) {
            metrics.send().failed(batch.topicPartition().topic(), batch.recordCount(), metrics.registry().nowMs());
        }
        accumulator.completed(batch);
        if (!batch.isOnWire()) {
            accumulator.release(batch);
        }
        return true;
    }
}
