package io.odradek.domain.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import io.odradek.api.metrics.MetricName;

/** Builds metric names with Kafka's producer groups and tags for one client id. */
public final class MetricNames {
    public static final String PRODUCER_GROUP = "producer-metrics";
    public static final String TOPIC_GROUP = "producer-topic-metrics";
    public static final String NODE_GROUP = "producer-node-metrics";
    /** Odradek's own: where a record's time went, stage by stage. */
    public static final String LATENCY_GROUP = "producer-latency-metrics";

    private final String clientId;

    public MetricNames(String clientId) {
        this.clientId = clientId;
    }

    public MetricName producer(String name, String description) {
        return new MetricName(name, PRODUCER_GROUP, description, Map.of("client-id", clientId));
    }

    public MetricName latency(String name, String description) {
        return new MetricName(name, LATENCY_GROUP, description, Map.of("client-id", clientId));
    }

    public MetricName topic(String topic, String name, String description) {
        return new MetricName(name, TOPIC_GROUP, description, tags("topic", topic));
    }

    /** Kafka's node tag: {@code node-<id>}, so a bootstrap address (id -1, -2, ...) is {@code node--1}. */
    public MetricName node(int nodeId, String name, String description) {
        return new MetricName(name, NODE_GROUP, description, tags("node-id", "node-" + nodeId));
    }

    private Map<String, String> tags(String key, String value) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("client-id", clientId);
        tags.put(key, value);
        return tags;
    }
}
