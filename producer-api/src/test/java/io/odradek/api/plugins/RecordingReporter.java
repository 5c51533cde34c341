package io.odradek.api.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.odradek.api.metrics.Metric;
import io.odradek.api.metrics.MetricsReporter;

/** A metrics reporter that remembers what it was told. */
public class RecordingReporter implements MetricsReporter {
    public Map<String, ?> configs;
    public final List<Metric> metrics = new ArrayList<>();
    public boolean closed;

    @Override
    public void configure(Map<String, ?> configs) {
        this.configs = configs;
    }

    @Override
    public void init(List<Metric> metrics) {
        this.metrics.addAll(metrics);
    }

    @Override
    public void metricChange(Metric metric) {
        metrics.add(metric);
    }

    @Override
    public void metricRemoval(Metric metric) {
        metrics.remove(metric);
    }

    @Override
    public void close() {
        closed = true;
    }
}
