package io.odradek.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.odradek.api.Producer;
import io.odradek.api.ProducerRecord;
import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;
import io.odradek.it.produce.Odradek;

/**
 * Odradek's MBeans against Kafka's own producer's, in one JVM on one broker: the same object names (so a JMX
 * exporter configured for Kafka producers finds Odradek's) and, per type, every attribute Kafka's has, but for the
 * exclusions below, each with its reason.
 */
@ExtendWith(KafkaBrokerExtension.class)
class JmxMetricsTest {
    private static final String SELECTOR = "Kafka's network selector's own bookkeeping (select calls, I/O and wait"
            + " time per select); Odradek's I/O loop is the transport's (a java.nio selector or Netty's event loop),"
            + " outside the domain that keeps the metrics";
    private static final String AUTHENTICATION = "Odradek has no SASL authentication on this branch, so there is"
            + " nothing to count; they come with authentication";

    /** Kafka producer-metrics attributes Odradek does not have, and why. Keep it short and true. */
    private static final Map<String, String> EXCLUDED = Map.ofEntries(
            Map.entry("io-ratio", SELECTOR), Map.entry("io-time-ns-avg", SELECTOR),
            Map.entry("io-time-ns-total", SELECTOR), Map.entry("io-wait-ratio", SELECTOR),
            Map.entry("io-wait-time-ns-avg", SELECTOR), Map.entry("io-wait-time-ns-total", SELECTOR),
            Map.entry("select-rate", SELECTOR), Map.entry("select-total", SELECTOR),
            Map.entry("network-io-rate", SELECTOR), Map.entry("network-io-total", SELECTOR),
            Map.entry("failed-authentication-rate", AUTHENTICATION),
            Map.entry("failed-authentication-total", AUTHENTICATION),
            Map.entry("failed-reauthentication-rate", AUTHENTICATION),
            Map.entry("failed-reauthentication-total", AUTHENTICATION),
            Map.entry("successful-authentication-rate", AUTHENTICATION),
            Map.entry("successful-authentication-total", AUTHENTICATION),
            Map.entry("successful-authentication-no-reauth-total", AUTHENTICATION),
            Map.entry("successful-reauthentication-rate", AUTHENTICATION),
            Map.entry("successful-reauthentication-total", AUTHENTICATION),
            Map.entry("reauthentication-latency-avg", AUTHENTICATION),
            Map.entry("reauthentication-latency-max", AUTHENTICATION));

    private static final String[] TYPES = {"producer-metrics", "producer-topic-metrics", "producer-node-metrics"};

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void registersKafkasObjectNamesWithEveryAttributeKafkasProducerHasButTheListedOnes(KafkaCluster kafka)
            throws Exception {
        String topic = Odradek.createServingTopic(kafka, "jmx", 2);
        try (KafkaProducer<byte[], byte[]> kafkaProducer = kafkaProducer(kafka, "jmx-kafka");
             Producer<byte[], byte[]> odradek = Odradek.producer(Odradek.config(kafka, "nio").clientId("jmx-odradek"))) {
            for (int i = 0; i < 10; i++) {
                kafkaProducer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, Odradek.utf8("k" + i),
                        Odradek.utf8("v" + i)));
                odradek.send(new ProducerRecord<>(topic, Odradek.utf8("k" + i), Odradek.utf8("v" + i)));
            }
            kafkaProducer.flush();
            odradek.flush();

            for (String type : TYPES) {
                Set<String> kafkas = attributes(type, "jmx-kafka");
                Set<String> ours = attributes(type, "jmx-odradek");
                Set<String> missing = new TreeSet<>(kafkas);
                missing.removeAll(ours);
                assertThat(missing).as("%s attributes of Kafka's producer that Odradek lacks", type)
                        .isSubsetOf(EXCLUDED.keySet());
            }
            assertThat(attributes("producer-metrics", "jmx-kafka")).as("each exclusion is still one of Kafka's")
                    .containsAll(EXCLUDED.keySet());
            assertThat(keys("producer-topic-metrics", "jmx-odradek", "topic")).containsExactly(topic);
            assertThat(keys("producer-node-metrics", "jmx-odradek", "node-id"))
                    .as("the bootstrap address and the broker, named as Kafka names them")
                    .isEqualTo(keys("producer-node-metrics", "jmx-kafka", "node-id"));
            ObjectName producerMetrics = new ObjectName("kafka.producer:type=producer-metrics,client-id=jmx-odradek");
            assertThat(server.getAttribute(producerMetrics, "record-send-total")).isEqualTo(10.0);
            assertThat((Double) server.getAttribute(producerMetrics, "request-latency-avg")).isPositive();
        }
        assertThat(server.queryNames(new ObjectName("kafka.producer:client-id=jmx-odradek,*"), null))
                .as("unregistered on close").isEmpty();
    }

    @Test
    void registersNoMBeanWhenMetricReportersLeavesJmxOut(KafkaCluster kafka) throws Exception {
        String topic = Odradek.createServingTopic(kafka, "nojmx", 1);
        try (Producer<byte[], byte[]> odradek = Odradek.producer(Odradek.config(kafka, "nio").clientId("no-jmx")
                .set("metric.reporters", ""))) {
            odradek.send(new ProducerRecord<>(topic, Odradek.utf8("k"), Odradek.utf8("v"))).get();

            assertThat(server.queryNames(new ObjectName("kafka.producer:client-id=no-jmx,*"), null)).isEmpty();
            assertThat(odradek.metrics()).isNotEmpty();
        }
    }

    private Set<String> attributes(String type, String clientId) throws Exception {
        Set<String> names = new TreeSet<>();
        for (ObjectName name : server.queryNames(new ObjectName("kafka.producer:type=" + type + ",client-id="
                + clientId + ",*"), null)) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                names.add(attribute.getName());
            }
        }
        assertThat(names).as("%s MBeans of %s", type, clientId).isNotEmpty();
        return names;
    }

    private Set<String> keys(String type, String clientId, String key) throws Exception {
        return server.queryNames(new ObjectName("kafka.producer:type=" + type + ",client-id=" + clientId + ",*"),
                null).stream().map(name -> name.getKeyProperty(key)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static KafkaProducer<byte[], byte[]> kafkaProducer(KafkaCluster kafka, String clientId) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", kafka.bootstrapServers());
        properties.put("client.id", clientId);
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
