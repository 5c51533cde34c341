package io.odradek.domain.accumulator;

import java.util.ArrayDeque;

/**
 * Recycles {@link RecordCompletions} between batches. Bounded: beyond {@code maxPooled} instances, a
 * returned one is left to the garbage collector.
 */
final class CompletionsPool {
    private static final int PREFILLED = 8;
    private static final int PREFILLED_CAPACITY = 4;
    private final ArrayDeque<RecordCompletions> free = new ArrayDeque<>();
    private final int maxPooled;

    CompletionsPool(int maxPooled) {
        this.maxPooled = maxPooled;
        // A few pooled from the start, so the first batches already take the "found one" way of take(): when
        // every early take() found the pool empty, C2 compiled the send path (which inlines take) assuming it
        // always would, and the first batch to come back threw that compilation away (a 0.4-0.5 s recompile
        // of DomainProducer.send in perf runs, LogCompilation null_check make_not_entrant at take).
        for (int i = 0; i < Math.min(PREFILLED, maxPooled); i++) {
            free.addFirst(new RecordCompletions(PREFILLED_CAPACITY));
        }
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
