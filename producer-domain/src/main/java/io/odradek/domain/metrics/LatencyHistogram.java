package io.odradek.domain.metrics;

/**
 * Latencies over the sliding window, weighted by how many records shared each one (a batch's records share its
 * times): mean, max and percentiles. Values go into log-scale buckets, four per doubling from 1 µs to about 17
 * minutes, so a percentile is the upper edge of its bucket (or the maximum, if that is lower): never below the true
 * value, at most 19% above it.
 * Not thread-safe: its owner's lock guards it.
 */
final class LatencyHistogram {
    private static final int BUCKETS_PER_DOUBLING = 4;
    private static final int BUCKETS = 30 * BUCKETS_PER_DOUBLING;
    private static final double SMALLEST_MS = 0.001;

    private final MetricsSettings settings;
    private final Window[] windows;
    private int current;
    private int used;

    LatencyHistogram(MetricsSettings settings) {
        this.settings = settings;
        this.windows = new Window[settings.numSamples()];
    }

    void record(double valueMs, long weight, long nowMs) {
        Window window = current(nowMs);
        if (nowMs - window.startMs >= settings.windowMs()) {
            current = (current + 1) % windows.length;
            if (current >= used) {
                windows[current] = new Window();
                used++;
            }
            window = windows[current];
            window.reset(nowMs);
        }
        window.counts[bucket(valueMs)] += weight;
        window.weight += weight;
        window.sum += valueMs * weight;
        window.max = Math.max(window.max, valueMs);
    }

    double mean(long nowMs) {
        purge(nowMs);
        double sum = 0;
        long weight = 0;
        for (int i = 0; i < used; i++) {
            sum += windows[i].sum;
            weight += windows[i].weight;
        }
        return weight == 0 ? Double.NaN : sum / weight;
    }

    double max(long nowMs) {
        purge(nowMs);
        double max = Double.NEGATIVE_INFINITY;
        long weight = 0;
        for (int i = 0; i < used; i++) {
            max = Math.max(max, windows[i].max);
            weight += windows[i].weight;
        }
        return weight == 0 ? Double.NaN : max;
    }

    /** The value under which {@code quantile} of the records' latencies fall, as a bucket's upper edge. */
    double percentile(double quantile, long nowMs) {
        purge(nowMs);
        long total = 0;
        for (int i = 0; i < used; i++) {
            total += windows[i].weight;
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            for (int i = 0; i < used; i++) {
                seen += windows[i].counts[bucket];
            }
            if (seen >= rank) {
                return Math.min(upperEdgeMs(bucket), max(nowMs));
            }
        }
        return max(nowMs);
    }

    static int bucket(double valueMs) {
        if (!(valueMs > SMALLEST_MS)) {
            return 0;
        }
        int bucket = (int) Math.ceil(Math.log(valueMs / SMALLEST_MS) / Math.log(2) * BUCKETS_PER_DOUBLING);
        return Math.min(bucket, BUCKETS - 1);
    }

    static double upperEdgeMs(int bucket) {
        return SMALLEST_MS * Math.pow(2, (double) bucket / BUCKETS_PER_DOUBLING);
    }

    private Window current(long nowMs) {
        if (used == 0) {
            windows[0] = new Window();
            windows[0].reset(nowMs);
            used = 1;
        }
        return windows[current];
    }

    private void purge(long nowMs) {
        long expireAgeMs = (long) windows.length * settings.windowMs();
        for (int i = 0; i < used; i++) {
            if (nowMs - windows[i].startMs >= expireAgeMs) {
                windows[i].reset(nowMs);
            }
        }
    }

    private static final class Window {
        final long[] counts = new long[BUCKETS];
        long startMs;
        long weight;
        double sum;
        double max;

        void reset(long nowMs) {
            java.util.Arrays.fill(counts, 0);
            startMs = nowMs;
            weight = 0;
            sum = 0;
            max = Double.NEGATIVE_INFINITY;
        }
    }
}
