package io.odradek.domain.sender;

import java.util.List;

import io.odradek.domain.accumulator.ProducerBatch;
import io.odradek.domain.protocol.RequestHeader;

/**
 * A request awaiting its response on a connection (responses come back in request order).
 *
 * <p>For a Produce request it also tracks when the next of its batches reaches its delivery.timeout.ms: a
 * batch's deadline holds while it is in flight too.
 */
final class InFlightRequest {
    private final RequestHeader header;
    private final List<ProducerBatch> batches;
    private final long sentNs;
    private final long deadlineNs;
    private long nextBatchExpiryNs;

    /**
     * @param batches the batches of a Produce request, empty for other requests
     */
    InFlightRequest(RequestHeader header, List<ProducerBatch> batches, long sentNs, long deadlineNs,
                    long deliveryTimeoutNs) {
        this.header = header;
        this.batches = batches;
        this.sentNs = sentNs;
        this.deadlineNs = deadlineNs;
        this.nextBatchExpiryNs = nextExpiryNs(deliveryTimeoutNs);
    }

    RequestHeader header() {
        return header;
    }

    List<ProducerBatch> batches() {
        return batches;
    }

    long sentNs() {
        return sentNs;
    }

    /** When the request times out (request.timeout.ms). */
    long deadlineNs() {
        return deadlineNs;
    }

    /** When the next of its batches not yet failed reaches delivery.timeout.ms; Long.MAX_VALUE if none. */
    long nextBatchExpiryNs() {
        return nextBatchExpiryNs;
    }

    /** Recomputes {@link #nextBatchExpiryNs()} after some of its batches were failed. */
    void batchesExpired(long deliveryTimeoutNs) {
        nextBatchExpiryNs = nextExpiryNs(deliveryTimeoutNs);
    }

    private long nextExpiryNs(long deliveryTimeoutNs) {
        long next = Long.MAX_VALUE;
        for (ProducerBatch batch : batches) {
            if (!batch.isCompleted()) {
                next = Math.min(next, batch.createdNs() + deliveryTimeoutNs);
            }
        }
        return next;
    }
}
