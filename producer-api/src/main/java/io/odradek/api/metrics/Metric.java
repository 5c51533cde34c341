package io.odradek.api.metrics;

/**
 * One metric of a producer, read live: each {@link #value()} measures it at that moment (a rate over the sampled
 * window, the current buffer memory, ...). Safe to read from any thread.
 */
public interface Metric {

    MetricName metricName();

    /**
     * The current value. Rates are per second over the last {@code metrics.num.samples} windows of
     * {@code metrics.sample.window.ms}; averages and maxima are over the same windows and {@code NaN} when nothing
     * was recorded in them, as in Kafka's producer; totals count since the producer was created.
     */
    double value();
}
