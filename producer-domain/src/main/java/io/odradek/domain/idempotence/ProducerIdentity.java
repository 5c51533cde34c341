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

    /** Whether batches may be drained now (an id is known and no epoch bump is pending). */
    boolean readyToProduce();

    /**
     * The InitProducerId request to send now, or null. {@code inFlightBatches} is the number of produce
     * batches awaiting a response: an epoch bump waits until it is zero.
     */
    InitProducerIdRequest initRequest(long nowNs, int inFlightBatches);

    /**
     * @return batches that must fail because the epoch changed while their outcome was unknown (resending
     *         them under the new epoch could write them twice); empty in the usual case
     */
    List<ProducerBatch> onInitResponse(InitProducerIdResponse response, long nowNs);

    void onInitFailed(long nowNs);

    /** Whether the queue's first batch may be drained given what it has in flight. */
    boolean mayDrain(PartitionQueue queue);

    /** Writes id, epoch and sequence into a batch about to be sent (every attempt: the epoch may change). */
    void stamp(ProducerBatch batch, RecordBatchFormat format);

    void onAcknowledged(ProducerBatch batch);

    BatchErrorAction onError(ProducerBatch batch, short errorCode);

    /** A batch failed without a broker answer (delivery timeout) after it may have been written. */
    void onUnknownOutcome(ProducerBatch batch);

    /**
     * The earliest time {@link #initRequest} may return a request, for the sender's next wake-up; never
     * while an epoch bump waits for in-flight batches (their responses wake the sender).
     */
    long nextInitAttemptNs(int inFlightBatches);
}
