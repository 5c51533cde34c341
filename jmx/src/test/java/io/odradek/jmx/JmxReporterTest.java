package io.odradek.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

import io.odradek.api.metrics.Metric;
import io.odradek.api.metrics.MetricName;

class JmxReporterTest {
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void publishesEachGroupAndTagsAsOneMBeanUnderKafkasObjectNameWithLiveValues() throws Exception {
        double[] sendRate = {1.5};
        JmxReporter reporter = new JmxReporter();
        reporter.init(List.of(metric("record-send-rate", "producer-metrics", tags("jmx-a"), () -> sendRate[0]),
                metric("record-send-total", "producer-metrics", tags("jmx-a"), () -> 7)));
        reporter.metricChange(metric("byte-total", "producer-topic-metrics", tags("jmx-a", "topic", "orders"), () -> 9));

        ObjectName producer = new ObjectName("kafka.producer:type=producer-metrics,client-id=jmx-a");
        ObjectName topic = new ObjectName("kafka.producer:type=producer-topic-metrics,client-id=jmx-a,topic=orders");
        assertThat(server.getAttribute(producer, "record-send-rate")).isEqualTo(1.5);
        sendRate[0] = 2.5;
        assertThat(server.getAttribute(producer, "record-send-rate")).isEqualTo(2.5);
        assertThat(server.getAttribute(topic, "byte-total")).isEqualTo(9.0);
        assertThat(List.of(server.getMBeanInfo(producer).getAttributes())).extracting(MBeanAttributeInfo::getName)
                .containsExactlyInAnyOrder("record-send-rate", "record-send-total");

        reporter.close();
        assertThat(server.isRegistered(producer)).isFalse();
        assertThat(server.isRegistered(topic)).isFalse();
    }

    @Test
    void quotesAClientIdThatIsNoPlainObjectNameValue() throws Exception {
        JmxReporter reporter = new JmxReporter();
        reporter.metricChange(metric("record-send-total", "producer-metrics", tags("app:1,eu"), () -> 1));
        try {
            ObjectName quoted = new ObjectName("kafka.producer:type=producer-metrics,client-id="
                    + ObjectName.quote("app:1,eu"));
            assertThat(server.getAttribute(quoted, "record-send-total")).isEqualTo(1.0);
        } finally {
            reporter.close();
        }
    }

    @Test
    void unregistersAnMBeanOnceItsLastMetricIsRemoved() throws Exception {
        JmxReporter reporter = new JmxReporter();
        Metric latency = metric("request-latency-avg", "producer-node-metrics", tags("jmx-b", "node-id", "node-1"),
                () -> 3);
        reporter.metricChange(latency);
        ObjectName node = new ObjectName("kafka.producer:type=producer-node-metrics,client-id=jmx-b,node-id=node-1");
        assertThat(server.isRegistered(node)).isTrue();

        reporter.metricRemoval(latency);

        assertThat(server.isRegistered(node)).isFalse();
        reporter.close();
    }

    private static Map<String, String> tags(String clientId, String... more) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("client-id", clientId);
        for (int i = 0; i < more.length; i += 2) {
            tags.put(more[i], more[i + 1]);
        }
        return tags;
    }

    private static Metric metric(String name, String group, Map<String, String> tags,
                                 java.util.function.DoubleSupplier value) {
        MetricName metricName = new MetricName(name, group, "a test metric", tags);
        return new Metric() {
            @Override
            public MetricName metricName() {
                return metricName;
            }

            @Override
            public double value() {
                return value.getAsDouble();
            }
        };
    }
}
