package io.odradek.micrometer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.odradek.api.metrics.Metric;
import io.odradek.api.metrics.MetricName;
import io.odradek.api.metrics.MetricsReporter;

/**
 * Binds a producer's metrics to a Micrometer {@link MeterRegistry}, named as Micrometer's {@code KafkaClientMetrics}
 * names a Kafka producer's, so dashboards built on those keep working: {@code kafka.} then the group without
 * {@code -metrics}, then the metric, dashes made dots ({@code record-send-total} of {@code producer-metrics} is
 * {@code kafka.producer.record.send.total}; of {@code producer-topic-metrics},
 * {@code kafka.producer.topic.record.send.total}), tags likewise ({@code client.id}, {@code topic},
 * {@code node.id}). Totals and counts are function counters, everything else gauges, all read live.
 *
 * <pre>{@code
 * ProducerConfig config = ProducerConfig.builder()
 *         .bootstrapServers("localhost:9092")
 *         .metricReporter(new MicrometerReporter(meterRegistry, Tags.of("app", "orders")))
 *         .build();
 * }</pre>
 *
 * <p>Meters for a topic or a broker appear when the producer first sends to it; every meter is removed from the
 * registry when the producer closes. Micrometer's {@code kafka.version} tag is left out: this is not Kafka's client.
 */
public final class MicrometerReporter implements MetricsReporter {
    private final MeterRegistry registry;
    private final Tags extraTags;
    private final Map<MetricName, Meter> meters = new ConcurrentHashMap<>();

    public MicrometerReporter(MeterRegistry registry) {
        this(registry, Tags.empty());
    }

    /** @param extraTags added to every meter, after the metric's own tags */
    public MicrometerReporter(MeterRegistry registry, Iterable<Tag> extraTags) {
        this.registry = registry;
        this.extraTags = Tags.of(extraTags);
    }

    /** The Micrometer name of a metric, as Micrometer's Kafka binder makes it. */
    public static String meterName(MetricName name) {
        return ("kafka." + name.group() + "." + name.name()).replace("-metrics", "").replace('-', '.');
    }

    @Override
    public void init(List<Metric> metrics) {
        metrics.forEach(this::metricChange);
    }

    @Override
    public void metricChange(Metric metric) {
        MetricName name = metric.metricName();
        meters.computeIfAbsent(name, n -> bind(metric));
    }

    @Override
    public void metricRemoval(Metric metric) {
        Meter meter = meters.remove(metric.metricName());
        if (meter != null) {
            registry.remove(meter);
        }
    }

    @Override
    public void close() {
        for (Meter meter : new ArrayList<>(meters.values())) {
            registry.remove(meter);
        }
        meters.clear();
    }

    private Meter bind(Metric metric) {
        MetricName name = metric.metricName();
        String meterName = meterName(name);
        Tags tags = tags(name);
        if (isCumulative(meterName)) {
            return FunctionCounter.builder(meterName, metric, Metric::value).tags(tags).description(name.description())
                    .register(registry);
        }
        return Gauge.builder(meterName, metric, Metric::value).tags(tags).description(name.description())
                .register(registry);
    }

    private static boolean isCumulative(String meterName) {
        String lower = meterName.toLowerCase(Locale.ROOT);
        return lower.endsWith("total") || lower.endsWith("count");
    }

    private Tags tags(MetricName name) {
        List<Tag> tags = new ArrayList<>();
        name.tags().forEach((key, value) -> tags.add(Tag.of(key.replace('-', '.'), value)));
        return Tags.of(tags).and(extraTags);
    }
}
