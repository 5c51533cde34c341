package io.odradek.jmx;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.odradek.api.metrics.Metric;
import io.odradek.api.metrics.MetricName;
import io.odradek.api.metrics.MetricsReporter;

/**
 * Publishes a producer's metrics in the platform MBean server under the object names Kafka's producer uses, so a JMX
 * exporter configured for Kafka producers reads Odradek's unchanged: one MBean per group and tags, e.g.
 * {@code kafka.producer:type=producer-metrics,client-id=orders} or
 * {@code kafka.producer:type=producer-topic-metrics,client-id=orders,topic=payments}, whose attributes are the
 * metrics ({@code record-send-rate}, ...), read live. Its MBeans are unregistered when the producer closes.
 *
 * <p>Two producers with the same {@code client.id} share object names; as Kafka's reporter does, the later one
 * replaces the earlier one's MBeans.
 */
public final class JmxReporter implements MetricsReporter {
    /** The domain of Kafka's producer MBeans. */
    public static final String DOMAIN = "kafka.producer";

    private final MBeanServer server;
    private final Map<ObjectName, MetricsMBean> mbeans = new HashMap<>();

    public JmxReporter() {
        this(ManagementFactory.getPlatformMBeanServer());
    }

    JmxReporter(MBeanServer server) {
        this.server = server;
    }

    @Override
    public synchronized void init(List<Metric> metrics) {
        for (Metric metric : metrics) {
            add(metric);
        }
    }

    @Override
    public synchronized void metricChange(Metric metric) {
        add(metric);
    }

    @Override
    public synchronized void metricRemoval(Metric metric) {
        ObjectName name = objectName(metric.metricName());
        MetricsMBean mbean = mbeans.get(name);
        if (mbean != null && mbean.remove(metric.metricName().name()) && mbean.isEmpty()) {
            mbeans.remove(name);
            unregister(name);
        }
    }

    @Override
    public synchronized void close() {
        for (ObjectName name : mbeans.keySet()) {
            unregister(name);
        }
        mbeans.clear();
    }

    /** The object name Kafka's JmxReporter gives a metric's group and tags. */
    static ObjectName objectName(MetricName metric) {
        StringBuilder name = new StringBuilder(DOMAIN).append(":type=").append(metric.group());
        metric.tags().forEach((key, value) -> {
            if (!key.isEmpty() && !value.isEmpty()) {
                name.append(',').append(key).append('=').append(sanitize(value));
            }
        });
        try {
            return new ObjectName(name.toString());
        } catch (JMException e) {
            throw new IllegalArgumentException("Not a valid JMX object name for metric " + metric + ": " + name, e);
        }
    }

    /** As Kafka's: a value of word characters, dashes, dots, spaces and percent signs as it is, anything else quoted. */
    private static String sanitize(String value) {
        return value.matches("[\\w\\-%. \t]*") ? value : ObjectName.quote(value);
    }

    private void add(Metric metric) {
        ObjectName name = objectName(metric.metricName());
        MetricsMBean mbean = mbeans.get(name);
        if (mbean == null) {
            mbean = new MetricsMBean(metric.metricName().group());
            mbeans.put(name, mbean);
            register(name, mbean);
        }
        mbean.put(metric);
    }

    private void register(ObjectName name, MetricsMBean mbean) {
        try {
            try {
                server.registerMBean(mbean, name);
            } catch (InstanceAlreadyExistsException e) {
                unregister(name);
                server.registerMBean(mbean, name);
            }
        } catch (JMException e) {
            throw new IllegalStateException("Could not register the MBean " + name, e);
        }
    }

    private void unregister(ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException e) {
            // Another producer with the same client.id replaced it, or it is gone already.
        } catch (JMException e) {
            throw new IllegalStateException("Could not unregister the MBean " + name, e);
        }
    }
}
