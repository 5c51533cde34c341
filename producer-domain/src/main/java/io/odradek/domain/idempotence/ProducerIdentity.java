package io.odradek.domain.idempotence;

import java.util.List;

import io.odradek.domain.accumulator.PartitionQueue;
import io.odradek.domain.accumulator.ProducerBatch;
import io.odradek.domain.port.RecordBatchFormat;
import io.odradek.domain.protocol.InitProducerIdRequest;
import io.odradek.domain.protocol.InitProducerIdResponse;

/**
 * Who the producer is to the broker: nobody in particular ({@link NoIdempotence}) or a producer id and
 * epoch with a sequence per partition ({@link Idempotence}). Chosen once from {@code enable.idempotence};
 * the sender never asks which it has. Used on the I/O thread only.
 */
public interface ProducerIdentity {

    /** Whether batches may be drained now (a producer id is known). */
    boolean readyToProduce();

    /** The InitProducerId request to send now, or null. */
    InitProducerIdRequest initRequest(long nowNs);

    void onInitResponse(InitProducerIdResponse response, long nowNs);

    void onInitFailed(long nowNs);

    /** The earliest time {@link #initRequest} may return a request, for the sender's next wake-up. */
    long nextInitAttemptNs();

    /**
     * Moves to a new epoch if an answer since the last call asked for one; called before draining.
     *
     * @return batches that must fail because they may already be in the log and cannot be resent under the new
     *         epoch without the risk of storing them twice; still in their partition's queue, empty in the usual case
     */
    List<ProducerBatch> maybeBumpEpoch();

    /** Whether the queue's first batch may be drained now, given what the partition has in flight. */
    boolean mayDrain(PartitionQueue queue);

    /** Writes id, epoch and sequence into a batch about to be sent (every attempt: a retry may have been moved). */
    void stamp(ProducerBatch batch, RecordBatchFormat format);

    /** The broker stored the batch (or already had it). Also called for a batch that had expired meanwhile. */
    void onAcknowledged(ProducerBatch batch);

    BatchErrorAction onError(ProducerBatch batch, short errorCode);

    /** The batch failed for good (retries or delivery.timeout.ms ran out, a final error, close) with {@code error}. */
    void onFailed(ProducerBatch batch, RuntimeException error);

    /**
     * The error to fail batches that were never sent with, now, or null to send them: a transaction being aborted
     * fails what it had not sent yet.
     */
    default RuntimeException abortUnsentWith() {
        return null;
    }

    /** Whether ready batches go without waiting for linger.ms (a transaction is committing or aborting). */
    default boolean drainsWithoutLinger() {
        return false;
    }

    /** The transactional.id Produce requests carry; null for a producer without transactions. */
    default String transactionalId() {
        return null;
    }
}
