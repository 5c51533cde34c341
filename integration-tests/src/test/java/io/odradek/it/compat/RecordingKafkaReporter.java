package io.odradek.it.compat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;

/** A reporter written for Kafka's clients, as a Prometheus or Datadog one is: keeps the metrics it is given. */
public class RecordingKafkaReporter implements MetricsReporter {
    /** Instances by the client id they were configured with, for the test to find. */
    public static final Map<String, RecordingKafkaReporter> BY_CLIENT_ID = new ConcurrentHashMap<>();

    public final Map<MetricName, KafkaMetric> metrics = new ConcurrentHashMap<>();
    public volatile boolean closed;

    @Override
    public void configure(Map<String, ?> configs) {
        BY_CLIENT_ID.put(String.valueOf(configs.get("client.id")), this);
    }

    @Override
    public void init(List<KafkaMetric> initial) {
        initial.forEach(this::metricChange);
    }

    @Override
    public void metricChange(KafkaMetric metric) {
        metrics.put(metric.metricName(), metric);
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
        metrics.remove(metric.metricName());
    }

    @Override
    public void close() {
        closed = true;
    }
}
