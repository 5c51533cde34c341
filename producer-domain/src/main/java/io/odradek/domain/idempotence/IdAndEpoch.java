package io.odradek.domain.idempotence;

import io.odradek.domain.accumulator.ProducerBatch;

/** A producer id with one of its epochs: who a batch says it is from. */
public record IdAndEpoch(long producerId, short epoch) {
    public static final IdAndEpoch NONE = new IdAndEpoch(-1L, (short) -1);

    public boolean isKnown() {
        return producerId >= 0;
    }

    public boolean stamped(ProducerBatch batch) {
        return batch.producerId() == producerId && batch.producerEpoch() == epoch;
    }

    /** The next epoch of the same id; the broker takes it for an idempotent producer whose sequences start at 0. */
    IdAndEpoch bumped() {
        return new IdAndEpoch(producerId, (short) (epoch + 1));
    }

    boolean isLastEpoch() {
        return epoch == Short.MAX_VALUE;
    }

    @Override
    public String toString() {
        return "producer id " + producerId + " epoch " + epoch;
    }
}
