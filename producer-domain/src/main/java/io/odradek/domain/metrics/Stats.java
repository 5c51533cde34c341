package io.odradek.domain.metrics;

/** The statistics a sensor can keep, with Kafka's semantics (its {@code Avg}, {@code Max}, {@code Rate}, ...). */
final class Stats {
    private Stats() {
    }

    /** The mean of the values recorded in the window; NaN when none was. */
    static Stat avg(MetricsSettings settings) {
        return new SampledStat(settings) {
            @Override
            double initialValue() {
                return 0;
            }

            @Override
            void update(Sample sample, double value) {
                sample.value += value;
            }

            @Override
            double combine(Sample[] samples, int used, long nowMs) {
                double total = 0;
                long count = 0;
                for (int i = 0; i < used; i++) {
                    total += samples[i].value;
                    count += samples[i].eventCount;
                }
                return count == 0 ? Double.NaN : total / count;
            }
        };
    }

    /** The largest value recorded in the window; NaN when none was. */
    static Stat max(MetricsSettings settings) {
        return new SampledStat(settings) {
            @Override
            double initialValue() {
                return Double.NEGATIVE_INFINITY;
            }

            @Override
            void update(Sample sample, double value) {
                sample.value = Math.max(sample.value, value);
            }

            @Override
            double combine(Sample[] samples, int used, long nowMs) {
                double max = Double.NEGATIVE_INFINITY;
                long count = 0;
                for (int i = 0; i < used; i++) {
                    max = Math.max(max, samples[i].value);
                    count += samples[i].eventCount;
                }
                return count == 0 ? Double.NaN : max;
            }
        };
    }

    /** Per second: the sum of the values recorded in the window (Kafka's {@code Rate} over a {@code WindowedSum}). */
    static Stat sumRate(MetricsSettings settings) {
        return new Rate(settings, false);
    }

    /** Per second: how many values were recorded in the window (a {@code Rate} over a {@code WindowedCount}). */
    static Stat countRate(MetricsSettings settings) {
        return new Rate(settings, true);
    }

    /** The sum of every value ever recorded (Kafka's {@code CumulativeSum}). */
    static Stat total() {
        return new Cumulative(false);
    }

    /** How many values were ever recorded (Kafka's {@code CumulativeCount}). */
    static Stat count() {
        return new Cumulative(true);
    }

    private static final class Cumulative implements Stat {
        private final boolean countEvents;
        private double total;

        Cumulative(boolean countEvents) {
            this.countEvents = countEvents;
        }

        @Override
        public void record(double value, long nowMs) {
            total += countEvents ? 1 : value;
        }

        @Override
        public double measure(long nowMs) {
            return total;
        }
    }

    /**
     * Kafka's {@code Rate}: the window's sum divided by the time it covers, which is at least all but one of the
     * windows (so a producer a second old does not report its first second's count as a per-second rate of a
     * 30-second window, nor as a huge one) and never less than 1 ms.
     */
    private static final class Rate extends SampledStat {
        private final boolean countEvents;

        Rate(MetricsSettings settings, boolean countEvents) {
            super(settings);
            this.countEvents = countEvents;
        }

        @Override
        double initialValue() {
            return 0;
        }

        @Override
        void update(Sample sample, double value) {
            sample.value += countEvents ? 1 : value;
        }

        @Override
        double combine(Sample[] samples, int used, long nowMs) {
            double total = 0;
            for (int i = 0; i < used; i++) {
                total += samples[i].value;
            }
            return total / (windowSizeMs(nowMs) / 1000.0);
        }

        private long windowSizeMs(long nowMs) {
            long elapsedMs = nowMs - oldestWindowStartMs(nowMs);
            long windowMs = settings().windowMs();
            int fullWindows = (int) (elapsedMs / windowMs);
            int minFullWindows = settings().numSamples() - 1;
            if (fullWindows < minFullWindows) {
                elapsedMs += (minFullWindows - fullWindows) * windowMs;
            }
            return Math.max(elapsedMs, 1);
        }
    }
}
