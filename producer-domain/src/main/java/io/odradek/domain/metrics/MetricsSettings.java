package io.odradek.domain.metrics;

/** {@code metrics.num.samples} and {@code metrics.sample.window.ms}: the window rates, averages and maxima cover. */
public record MetricsSettings(int numSamples, long windowMs) {
    public MetricsSettings {
        if (numSamples < 1 || windowMs < 1) {
            throw new IllegalArgumentException("numSamples and windowMs must be positive: " + numSamples + ", "
                    + windowMs);
        }
    }

    /** Kafka's defaults: 2 samples of 30 s. */
    public static MetricsSettings defaults() {
        return new MetricsSettings(2, 30_000L);
    }
}
