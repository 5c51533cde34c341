package io.odradek.domain.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.odradek.api.Producer;
import io.odradek.api.metrics.Metric;
import io.odradek.api.metrics.MetricName;

/** Reads one producer's metrics by Kafka's group, name and tags, failing loudly when a metric does not exist. */
public final class MetricsReader {
    private final Producer<?, ?> producer;
    private final String clientId;

    public MetricsReader(Producer<?, ?> producer, String clientId) {
        this.producer = producer;
        this.clientId = clientId;
    }

    /** A {@code producer-metrics} metric. */
    public double producer(String name) {
        return value(name, "producer-metrics", Map.of());
    }

    /** A {@code producer-latency-metrics} metric. */
    public double latency(String name) {
        return value(name, "producer-latency-metrics", Map.of());
    }

    public double topic(String topic, String name) {
        return value(name, "producer-topic-metrics", Map.of("topic", topic));
    }

    public double node(int nodeId, String name) {
        return value(name, "producer-node-metrics", Map.of("node-id", "node-" + nodeId));
    }

    public boolean exists(String group, String name, Map<String, String> extraTags) {
        return producer.metrics().containsKey(metricName(name, group, extraTags));
    }

    private double value(String name, String group, Map<String, String> extraTags) {
        MetricName wanted = metricName(name, group, extraTags);
        Metric metric = producer.metrics().get(wanted);
        if (metric == null) {
            throw new AssertionError("no metric " + wanted + " among " + producer.metrics().keySet());
        }
        return metric.value();
    }

    private MetricName metricName(String name, String group, Map<String, String> extraTags) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("client-id", clientId);
        tags.putAll(extraTags);
        return new MetricName(name, group, "", tags);
    }
}
