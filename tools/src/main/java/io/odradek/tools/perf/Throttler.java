package io.odradek.tools.perf;

/**
 * Holds a sending thread to about {@code recordsPerSecond}, as Kafka's perf tool does: whenever the average
 * rate since the start is above the target, one record's worth of time ({@code 1 s / target}) is added to a
 * sleep debt, which is paid in sleeps of at least 2 ms. Not thread-safe: one per sending thread.
 */
final class Throttler {
    private static final long MIN_SLEEP_NS = 2_000_000;

    private final double recordsPerSecond;
    private final long startMs;
    private final long debtPerRecordNs;
    private long debtNs;

    /**
     * A negative {@code recordsPerSecond} means unlimited; zero is refused by {@link PerfOptions}. Times are
     * in milliseconds: the sending loop passes the clock reading it takes for the record's latency anyway, so
     * throttling costs no clock read of its own (as in Kafka's tool).
     */
    Throttler(double recordsPerSecond, long startMs) {
        this.recordsPerSecond = recordsPerSecond;
        this.startMs = startMs;
        this.debtPerRecordNs = recordsPerSecond > 0 ? (long) (1e9 / recordsPerSecond) : Long.MAX_VALUE;
    }

    boolean shouldThrottle(long sentSoFar, long nowMs) {
        if (recordsPerSecond < 0) {
            return false;
        }
        double elapsedSeconds = (nowMs - startMs) / 1e3;
        return elapsedSeconds > 0 && sentSoFar / elapsedSeconds > recordsPerSecond;
    }

    void throttle() throws InterruptedException {
        debtNs += debtPerRecordNs;
        if (debtNs < MIN_SLEEP_NS) {
            return;
        }
        Thread.sleep(debtNs / 1_000_000, (int) (debtNs % 1_000_000));
        // As in Kafka, oversleeping earns no credit: the next records do not get through sooner for it.
        debtNs = 0;
    }
}
