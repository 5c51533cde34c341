package io.odradek.domain.metrics;

import java.util.ArrayList;
import java.util.List;

import io.odradek.api.metrics.MetricName;

/**
 * Records one kind of event (a batch sent, a request answered) into the statistics registered on it, each a
 * metric. Thread-safe: recording and reading take this sensor's lock, which only its recorder (usually the I/O
 * thread) and readers of its metrics contend for, and which is taken once per batch or request, never per record.
 */
public final class Sensor {
    private final MetricRegistry registry;
    private final List<Stat> stats = new ArrayList<>(4);

    Sensor(MetricRegistry registry) {
        this.registry = registry;
    }

    public void record(double value, long nowMs) {
        synchronized (this) {
            for (int i = 0; i < stats.size(); i++) {
                stats.get(i).record(value, nowMs);
            }
        }
    }

    /** Records an event whose value does not matter (counted by {@link #countRate} and {@link #count}). */
    public void record(long nowMs) {
        record(1, nowMs);
    }

    /** Per second, the sum of the recorded values. */
    public Sensor sumRate(MetricName name) {
        return add(name, Stats.sumRate(registry.settings()));
    }

    /** Per second, the number of recorded events. */
    public Sensor countRate(MetricName name) {
        return add(name, Stats.countRate(registry.settings()));
    }

    /** The sum of every recorded value. */
    public Sensor total(MetricName name) {
        return add(name, Stats.total());
    }

    /** The number of recorded events. */
    public Sensor count(MetricName name) {
        return add(name, Stats.count());
    }

    public Sensor avg(MetricName name) {
        return add(name, Stats.avg(registry.settings()));
    }

    public Sensor max(MetricName name) {
        return add(name, Stats.max(registry.settings()));
    }

    private Sensor add(MetricName name, Stat stat) {
        synchronized (this) {
            stats.add(stat);
        }
        registry.register(name, nowMs -> measure(stat, nowMs));
        return this;
    }

    private synchronized double measure(Stat stat, long nowMs) {
        return stat.measure(nowMs);
    }
}
