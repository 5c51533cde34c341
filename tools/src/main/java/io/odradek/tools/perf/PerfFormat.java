package io.odradek.tools.perf;

import java.util.Arrays;
import java.util.Locale;

/**
 * The progress and summary lines, character for character those of Kafka's {@code ProducerPerformance}
 * (4.1), so scripts parse both tools alike. Formatted with {@link Locale#ROOT}: always a decimal point.
 */
public final class PerfFormat {
    private static final double BYTES_PER_MB = 1024.0 * 1024.0;
    static final double[] PERCENTILES = {0.5, 0.95, 0.99, 0.999};

    private PerfFormat() {
    }

    /** The line printed every reporting window (5 s) while records are acknowledged. */
    public static String windowLine(long count, long bytes, long totalLatencyMs, int maxLatencyMs, long elapsedMs) {
        return String.format(Locale.ROOT,
                "%d records sent, %.1f records/sec (%.2f MB/sec), %.1f ms avg latency, %.1f ms max latency.",
                count, perSecond(count, elapsedMs), perSecond(bytes, elapsedMs) / BYTES_PER_MB,
                totalLatencyMs / (double) count, (double) maxLatencyMs);
    }

    /** The final line; {@code percentilesMs} holds the 50th, 95th, 99th and 99.9th percentile. */
    public static String summaryLine(long count, long bytes, long totalLatencyMs, int maxLatencyMs, long elapsedMs,
                                     int[] percentilesMs) {
        return String.format(Locale.ROOT,
                "%d records sent, %.1f records/sec (%.2f MB/sec), %.2f ms avg latency, %.2f ms max latency, "
                        + "%d ms 50th, %d ms 95th, %d ms 99th, %d ms 99.9th.",
                count, perSecond(count, elapsedMs), perSecond(bytes, elapsedMs) / BYTES_PER_MB,
                totalLatencyMs / (double) count, (double) maxLatencyMs,
                percentilesMs[0], percentilesMs[1], percentilesMs[2], percentilesMs[3]);
    }

    /**
     * Nearest-rank percentiles as Kafka computes them: sort the first {@code size} samples and take the one at
     * index {@code (int) (p * size)}. Sorts {@code samples} in place. All zero when there is no sample.
     */
    public static int[] percentiles(int[] samples, int size, double... percentiles) {
        int n = Math.min(size, samples.length);
        int[] values = new int[percentiles.length];
        if (n == 0) {
            return values;
        }
        Arrays.sort(samples, 0, n);
        for (int i = 0; i < percentiles.length; i++) {
            values[i] = samples[Math.min((int) (percentiles[i] * n), n - 1)];
        }
        return values;
    }

    // Kafka divides by the elapsed milliseconds as they are; a zero gives Infinity or NaN there and here.
    private static double perSecond(long amount, long elapsedMs) {
        return 1000.0 * amount / (double) elapsedMs;
    }
}
