package io.odradek.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.common.utils.Time;

import io.odradek.api.metrics.Metric;

/**
 * A Kafka {@link MetricsReporter} named in {@code metric.reporters} (a Prometheus or Datadog reporter written for
 * Kafka's clients), fed Odradek's metrics as Kafka's {@link KafkaMetric}s whose values are read live from Odradek's.
 */
final class KafkaMetricsReporter implements io.odradek.api.metrics.MetricsReporter {
    private final MetricsReporter reporter;
    private final Map<io.odradek.api.metrics.MetricName, KafkaMetric> metrics = new ConcurrentHashMap<>();

    KafkaMetricsReporter(MetricsReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public void init(List<Metric> initial) {
        List<KafkaMetric> kafkas = new ArrayList<>();
        for (Metric metric : initial) {
            kafkas.add(kafkaMetric(metric));
        }
        reporter.init(kafkas);
    }

    @Override
    public void metricChange(Metric metric) {
        reporter.metricChange(kafkaMetric(metric));
    }

    @Override
    public void metricRemoval(Metric metric) {
        KafkaMetric removed = metrics.remove(metric.metricName());
        if (removed != null) {
            reporter.metricRemoval(removed);
        }
    }

    @Override
    public void close() {
        reporter.close();
    }

    private KafkaMetric kafkaMetric(Metric metric) {
        return metrics.computeIfAbsent(metric.metricName(), name -> new KafkaMetric(new Object(),
                KafkaMetrics.kafkaName(name), (Gauge<Double>) (config, nowMs) -> metric.value(), new MetricConfig(),
                Time.SYSTEM));
    }
}
