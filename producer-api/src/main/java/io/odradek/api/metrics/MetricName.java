package io.odradek.api.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Names one metric as Kafka's producer names it: a {@code name} within a {@code group}, qualified by tags. Two names
 * are equal when their name, group and tags are; the description is documentation only.
 *
 * <pre>{@code
 * MetricName sendRate = new MetricName("record-send-rate", "producer-metrics",
 *         "The average number of records sent per second.", Map.of("client-id", "orders"));
 * double perSecond = producer.metrics().get(sendRate).value();
 * }</pre>
 *
 * <p>The tags keep their order (client-id first, then topic or node-id), which is the order of the keys of a JMX
 * object name such as {@code kafka.producer:type=producer-topic-metrics,client-id=orders,topic=payments}.
 */
public final class MetricName {
    private final String name;
    private final String group;
    private final String description;
    private final Map<String, String> tags;

    public MetricName(String name, String group, String description, Map<String, String> tags) {
        this.name = Objects.requireNonNull(name, "name");
        this.group = Objects.requireNonNull(group, "group");
        this.description = description == null ? "" : description;
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(tags, "tags")));
    }

    public String name() {
        return name;
    }

    /** {@code producer-metrics}, {@code producer-topic-metrics}, {@code producer-node-metrics}, ... */
    public String group() {
        return group;
    }

    public String description() {
        return description;
    }

    /** In insertion order; unmodifiable. */
    public Map<String, String> tags() {
        return tags;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MetricName that && name.equals(that.name) && group.equals(that.group)
                && tags.equals(that.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, group, tags);
    }

    @Override
    public String toString() {
        return group + ":" + name + tags;
    }
}
