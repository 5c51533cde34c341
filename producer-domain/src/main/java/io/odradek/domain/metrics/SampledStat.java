package io.odradek.domain.metrics;

/**
 * A statistic over a sliding window made of {@code metrics.num.samples} samples of
 * {@code metrics.sample.window.ms} each, kept as Kafka's {@code SampledStat} keeps them: a value goes into the
 * current sample until that sample is a window old, then into the next one (the oldest, reset); a sample older
 * than all the windows together is reset before it is read. So rates and averages forget what happened more than
 * {@code samples x window} ago, exactly as Kafka's producer's do.
 */
abstract class SampledStat implements Stat {
    private final MetricsSettings settings;
    private final Sample[] samples;
    private int current;
    private int used;

    SampledStat(MetricsSettings settings) {
        this.settings = settings;
        this.samples = new Sample[settings.numSamples()];
    }

    /** The value a new or reset sample starts from. */
    abstract double initialValue();

    abstract void update(Sample sample, double value);

    /** Combines the samples in use (already purged of obsolete ones) into the statistic. */
    abstract double combine(Sample[] samples, int used, long nowMs);

    @Override
    public final void record(double value, long nowMs) {
        Sample sample = current(nowMs);
        if (nowMs - sample.windowStartMs >= settings.windowMs()) {
            sample = advance(nowMs);
        }
        update(sample, value);
        sample.eventCount++;
    }

    @Override
    public double measure(long nowMs) {
        purgeObsolete(nowMs);
        return combine(samples, used, nowMs);
    }

    /** The start of the oldest sample's window: where a rate's elapsed time begins. */
    final long oldestWindowStartMs(long nowMs) {
        current(nowMs);
        long oldest = samples[0].windowStartMs;
        for (int i = 1; i < used; i++) {
            oldest = Math.min(oldest, samples[i].windowStartMs);
        }
        return oldest;
    }

    final MetricsSettings settings() {
        return settings;
    }

    private Sample current(long nowMs) {
        if (used == 0) {
            samples[0] = new Sample(initialValue(), nowMs);
            used = 1;
        }
        return samples[current];
    }

    private Sample advance(long nowMs) {
        current = (current + 1) % samples.length;
        if (current >= used) {
            samples[current] = new Sample(initialValue(), nowMs);
            used++;
        } else {
            samples[current].reset(initialValue(), nowMs);
        }
        return samples[current];
    }

    private void purgeObsolete(long nowMs) {
        long expireAgeMs = (long) samples.length * settings.windowMs();
        for (int i = 0; i < used; i++) {
            if (nowMs - samples[i].windowStartMs >= expireAgeMs) {
                samples[i].reset(initialValue(), nowMs);
            }
        }
    }

    /** One window's worth of a statistic. */
    static final class Sample {
        long windowStartMs;
        long eventCount;
        double value;

        Sample(double initialValue, long nowMs) {
            reset(initialValue, nowMs);
        }

        void reset(double initialValue, long nowMs) {
            windowStartMs = nowMs;
            eventCount = 0;
            value = initialValue;
        }
    }
}
