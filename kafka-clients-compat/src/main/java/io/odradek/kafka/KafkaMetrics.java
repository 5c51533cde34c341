package io.odradek.kafka;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Odradek's metrics as Kafka's {@link Metric}s: the same names, groups and tags (they are Kafka's already), values
 * read live. One view per metric, kept, so repeated calls to {@code metrics()} return equal keys and the same
 * values objects, as tools that poll it (Micrometer's {@code KafkaClientMetrics}) expect.
 */
final class KafkaMetrics {
    private final Map<io.odradek.api.metrics.MetricName, KafkaMetricView> views = new ConcurrentHashMap<>();

    Map<MetricName, ? extends Metric> of(Map<io.odradek.api.metrics.MetricName, ? extends io.odradek.api.metrics.Metric> ours) {
        Map<MetricName, Metric> kafkas = new LinkedHashMap<>();
        ours.forEach((name, metric) -> {
            KafkaMetricView view = views.computeIfAbsent(name, n -> new KafkaMetricView(metric));
            kafkas.put(view.metricName(), view);
        });
        return Collections.unmodifiableMap(kafkas);
    }

    static MetricName kafkaName(io.odradek.api.metrics.MetricName name) {
        return new MetricName(name.name(), name.group(), name.description(), name.tags());
    }

    /** One of Odradek's metrics through Kafka's interface; {@link #metricValue()} is a {@code Double}, as Kafka's. */
    static final class KafkaMetricView implements Metric {
        private final MetricName name;
        private final io.odradek.api.metrics.Metric metric;

        KafkaMetricView(io.odradek.api.metrics.Metric metric) {
            this.name = kafkaName(metric.metricName());
            this.metric = metric;
        }

        @Override
        public MetricName metricName() {
            return name;
        }

        @Override
        public Object metricValue() {
            return metric.value();
        }

        @Override
        public String toString() {
            return name + "=" + metric.value();
        }
    }
}
