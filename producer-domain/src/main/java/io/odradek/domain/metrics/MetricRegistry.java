package io.odradek.domain.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

import io.odradek.api.metrics.Metric;
import io.odradek.api.metrics.MetricName;
import io.odradek.api.metrics.MetricsReporter;
import io.odradek.domain.log.LogContext;
import io.odradek.domain.log.ProducerLog;
import io.odradek.domain.port.Clock;

/**
 * A producer's metrics: what {@code Producer.metrics()} returns, and what the {@code metric.reporters} hear of as
 * metrics are added. Metrics are added from any thread (a topic's on the I/O thread when it is first sent to) and
 * read from any thread.
 */
public final class MetricRegistry {
    private final ProducerLog log;

    private final MetricsSettings settings;
    private final Clock clock;
    private final Map<MetricName, RegisteredMetric> metrics = new ConcurrentHashMap<>();
    private final List<MetricsReporter> reporters = new ArrayList<>();

    public MetricRegistry(MetricsSettings settings, Clock clock, LogContext logContext) {
        this.log = logContext.logger(MetricRegistry.class);
        this.settings = settings;
        this.clock = clock;
    }

    MetricsSettings settings() {
        return settings;
    }

    /** Now, in milliseconds of the producer's monotonic clock: the time base of every sensor. */
    public long nowMs() {
        return clock.nanoTime() / 1_000_000L;
    }

    public Sensor sensor() {
        return new Sensor(this);
    }

    /** A metric read from {@code value} whenever it is read: a level such as the free buffer memory. */
    public void gauge(MetricName name, DoubleSupplier value) {
        register(name, nowMs -> value.getAsDouble());
    }

    /** Starts telling {@code reporter} of every metric, those there are now first. */
    public synchronized void addReporter(MetricsReporter reporter) {
        reporters.add(reporter);
        reporter.init(new ArrayList<>(metrics.values()));
    }

    /** Every metric, by name; a snapshot of which exist, each read live. */
    public Map<MetricName, Metric> metrics() {
        return Collections.unmodifiableMap(Map.copyOf(metrics));
    }

    /** Closes every reporter (their MBeans go); a reporter that fails to close is logged and the rest closed. */
    public synchronized void close() {
        for (MetricsReporter reporter : reporters) {
            try {
                reporter.close();
            } catch (RuntimeException e) {
                log.warn("Metrics reporter {} failed to close", reporter.getClass().getName(), e);
            }
        }
        reporters.clear();
    }

    synchronized void register(MetricName name, Measurable measurable) {
        RegisteredMetric metric = new RegisteredMetric(name, measurable);
        if (metrics.putIfAbsent(name, metric) != null) {
            throw new IllegalStateException("A metric named " + name + " already exists");
        }
        for (MetricsReporter reporter : reporters) {
            try {
                reporter.metricChange(metric);
            } catch (RuntimeException e) {
                log.warn("Metrics reporter {} failed on a new metric {}", reporter.getClass().getName(), name, e);
            }
        }
    }

    /** Reads a metric at a moment in milliseconds of the producer's monotonic clock. */
    interface Measurable {
        double measure(long nowMs);
    }

    private final class RegisteredMetric implements Metric {
        private final MetricName name;
        private final Measurable measurable;

        RegisteredMetric(MetricName name, Measurable measurable) {
            this.name = name;
            this.measurable = measurable;
        }

        @Override
        public MetricName metricName() {
            return name;
        }

        @Override
        public double value() {
            return measurable.measure(nowMs());
        }

        @Override
        public String toString() {
            return name + "=" + value();
        }
    }
}
