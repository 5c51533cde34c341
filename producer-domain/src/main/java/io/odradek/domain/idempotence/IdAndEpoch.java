package io.odradek.domain.idempotence;

import io.odradek.domain.accumulator.ProducerBatch;

/**
 * A producer id with one of its epochs: who a batch says it is from.
 *
 * <p>equals and hashCode are written out because the sending path compares identities per batch: a record's
 * generated ones link through {@code java.lang.runtime.ObjectMethods} on first use, which spun ~46
 * method-handle classes while the first batches went out, work that made the JDK's bytecode writer hot enough
 * for C2 to spend ~0.5 s of CPU compiling it in a perf run.
 */
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
    public boolean equals(Object other) {
        return other instanceof IdAndEpoch that && producerId == that.producerId && epoch == that.epoch;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(producerId) * 31 + epoch;
    }

    @Override
    public String toString() {
        return "producer id " + producerId + " epoch " + epoch;
    }
}
