package io.odradek.domain.idempotence;

import java.util.List;

import io.odradek.domain.accumulator.PartitionQueue;
import io.odradek.domain.accumulator.ProducerBatch;
import io.odradek.domain.port.RecordBatchFormat;
import io.odradek.domain.protocol.InitProducerIdRequest;
import io.odradek.domain.protocol.InitProducerIdResponse;
import io.odradek.domain.protocol.KafkaError;

/** {@code enable.idempotence=false}: no producer id, no sequences; retriable errors are retried. */
public final class NoIdempotence implements ProducerIdentity {
    private static final long NO_PRODUCER_ID = -1L;
    private static final short NO_EPOCH = -1;

    @Override
    public boolean readyToProduce() {
        return true;
    }

    @Override
    public InitProducerIdRequest initRequest(long nowNs) {
        return null;
    }

    @Override
    public void onInitResponse(InitProducerIdResponse response, long nowNs) {
        throw new IllegalStateException("no InitProducerId was sent");
    }

    @Override
    public void onInitFailed(long nowNs) {
        throw new IllegalStateException("no InitProducerId was sent");
    }

    @Override
    public long nextInitAttemptNs() {
        return Long.MAX_VALUE;
    }

    @Override
    public List<ProducerBatch> maybeBumpEpoch() {
        return List.of();
    }

    @Override
    public boolean mayDrain(PartitionQueue queue) {
        return queue.orderAllowsDrain();
    }

    @Override
    public void stamp(ProducerBatch batch, RecordBatchFormat format) {
        if (!batch.isRetry()) {
            format.stampProducerIdentity(batch.closedBuffer(), NO_PRODUCER_ID, NO_EPOCH, ProducerBatch.NO_SEQUENCE,
                    false);
        }
    }

    @Override
    public void onAcknowledged(ProducerBatch batch) {
    }

    @Override
    public BatchErrorAction onError(ProducerBatch batch, short errorCode) {
        return KafkaError.isRetriable(errorCode) ? BatchErrorAction.RETRY : BatchErrorAction.FAIL;
    }

    @Override
    public void onFailed(ProducerBatch batch, RuntimeException error) {
    }
}
