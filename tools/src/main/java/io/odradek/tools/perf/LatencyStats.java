package io.odradek.tools.perf;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Acknowledged records, bytes and latencies of a perf run, with a progress line every reporting window.
 *
 * <p>Kafka's rules, so the numbers compare: the window line is printed by the acknowledgement that arrives
 * at least 5 s after the window began (so nothing is printed while nothing is acknowledged); latency
 * samples for the percentiles are kept for every {@code numRecords / min(numRecords, 500000)}-th
 * acknowledgement, at most about 500,000 of them.
 *
 * <p>Thread-safe: callbacks may complete on any producer thread.
 */
public final class LatencyStats {
    static final long REPORTING_INTERVAL_MS = 5_000;
    private static final long MAX_SAMPLES = 500_000;

    private final LongSupplier clockMs;
    private final Consumer<String> progress;
    private final long startMs;
    private final long sampling;
    private final int[] samples;
    private int sampleCount;
    private long acknowledgements;

    private long count;
    private long bytes;
    private long totalLatencyMs;
    private int maxLatencyMs;

    private long windowStartMs;
    private long windowCount;
    private long windowBytes;
    private long windowTotalLatencyMs;
    private int windowMaxLatencyMs;

    public LatencyStats(long numRecords, LongSupplier clockMs, Consumer<String> progress) {
        this.clockMs = clockMs;
        this.progress = progress;
        this.sampling = numRecords / Math.min(numRecords, MAX_SAMPLES);
        this.samples = new int[(int) (numRecords / sampling) + 1];
        this.startMs = clockMs.getAsLong();
        this.windowStartMs = startMs;
    }

    /** One acknowledged record; {@code nowMs} is when its callback ran. */
    public synchronized void record(int latencyMs, int recordBytes, long nowMs) {
        count++;
        bytes += recordBytes;
        totalLatencyMs += latencyMs;
        maxLatencyMs = Math.max(maxLatencyMs, latencyMs);
        windowCount++;
        windowBytes += recordBytes;
        windowTotalLatencyMs += latencyMs;
        windowMaxLatencyMs = Math.max(windowMaxLatencyMs, latencyMs);
        if (acknowledgements % sampling == 0 && sampleCount < samples.length) {
            samples[sampleCount++] = latencyMs;
        }
        acknowledgements++;
        if (nowMs - windowStartMs >= REPORTING_INTERVAL_MS) {
            long printMs = clockMs.getAsLong();
            progress.accept(PerfFormat.windowLine(windowCount, windowBytes, windowTotalLatencyMs,
                    windowMaxLatencyMs, printMs - windowStartMs));
            windowStartMs = printMs;
            windowCount = 0;
            windowBytes = 0;
            windowTotalLatencyMs = 0;
            windowMaxLatencyMs = 0;
        }
    }

    /** The summary line, timed from this object's creation to now. */
    public synchronized String summaryLine() {
        int[] percentiles = PerfFormat.percentiles(samples, sampleCount, PerfFormat.PERCENTILES);
        return PerfFormat.summaryLine(count, bytes, totalLatencyMs, maxLatencyMs,
                clockMs.getAsLong() - startMs, percentiles);
    }

    public synchronized long count() {
        return count;
    }

    public synchronized long bytes() {
        return bytes;
    }
}
