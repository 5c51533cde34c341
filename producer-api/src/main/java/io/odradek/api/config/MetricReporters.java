package io.odradek.api.config;

import java.util.ArrayList;
import java.util.List;

import io.odradek.api.metrics.MetricsReporter;

/**
 * The value of {@code metric.reporters}: reporter classes, instances or factories, and the JMX reporter by name.
 * The JMX reporter lives in its own module (found by the producer with {@code ServiceLoader}, as the transports
 * are), so its name is kept as a name here: {@link #JMX_REPORTER}, which Kafka's
 * {@code org.apache.kafka.common.metrics.JmxReporter} also stands for, so a Kafka configuration that lists it keeps
 * its MBeans.
 */
public final class MetricReporters {
    /** Odradek's JMX reporter, registering MBeans under Kafka's object names. */
    public static final String JMX_REPORTER = "io.odradek.jmx.JmxReporter";
    /** Kafka's name for its own JMX reporter, the default of Kafka 4.x. */
    public static final String KAFKA_JMX_REPORTER = "org.apache.kafka.common.metrics.JmxReporter";

    private MetricReporters() {
    }

    /** Whether a parsed {@code metric.reporters} entry is the JMX reporter. */
    public static boolean isJmx(Object entry) {
        return JMX_REPORTER.equals(entry);
    }

    static ValueParser parser() {
        ValueParser plugins = PluginLoader.plugins(MetricsReporter.class);
        return (key, raw) -> {
            List<Object> result = new ArrayList<>();
            List<Object> others = new ArrayList<>();
            for (Object element : raw instanceof List<?> list ? list : List.of(raw)) {
                if (element instanceof String text) {
                    for (String name : Parsers.stringList(key, text, "")) {
                        add(result, others, name);
                    }
                } else {
                    add(result, others, element);
                }
            }
            for (Object plugin : (List<?>) plugins.parse(key, others)) {
                result.add(plugin);
            }
            return List.copyOf(result);
        };
    }

    private static void add(List<Object> result, List<Object> others, Object element) {
        if (JMX_REPORTER.equals(element) || KAFKA_JMX_REPORTER.equals(element)) {
            if (!result.contains(JMX_REPORTER)) {
                result.add(JMX_REPORTER);
            }
        } else {
            others.add(element);
        }
    }
}
