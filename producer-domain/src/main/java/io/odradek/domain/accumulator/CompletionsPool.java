package io.odradek.domain.accumulator;

import java.util.ArrayDeque;

/**
 * Recycles {@link RecordCompletions} between batches. Bounded: beyond {@code maxPooled} instances, a
 * returned one is left to the garbage collector.
 */
final class CompletionsPool {
    private final ArrayDeque<RecordCompletions> free = new ArrayDeque<>();
    private final int maxPooled;

    CompletionsPool(int maxPooled) {
        this.maxPooled = maxPooled;
    }

    /** An instance for about {@code expectedRecords} records (it grows if more come). */
    synchronized RecordCompletions take(int expectedRecords) {
        RecordCompletions pooled = free.pollFirst();
        if (pooled != null) {
            return pooled; // a smaller one grows as records come, and stays grown in the pool
        }
        return new RecordCompletions(Math.max(4, expectedRecords));
    }

    synchronized void give(RecordCompletions completions) {
        if (free.size() < maxPooled) {
            free.addFirst(completions);
        }
    }
}
