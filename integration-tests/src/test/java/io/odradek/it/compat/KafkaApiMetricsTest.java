package io.odradek.it.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;
import io.odradek.it.produce.Odradek;
import io.odradek.kafka.OdradekKafkaProducer;

/** Kafka's metrics API over Odradek: {@code metrics()} and a Kafka {@code MetricsReporter} in metric.reporters. */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaApiMetricsTest {

    @Test
    void metricsAreKafkasMetricNamesWithLiveDoubleValues(KafkaCluster kafka) throws Exception {
        String topic = Odradek.createServingTopic(kafka, "compat-metrics", 1);
        try (Producer<String, String> producer = new OdradekKafkaProducer<>(properties(kafka, "compat-metrics"))) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i));
            }
            producer.flush();

            Map<MetricName, ? extends Metric> metrics = producer.metrics();
            Metric sent = metrics.get(new MetricName("record-send-total", "producer-metrics", "",
                    Map.of("client-id", "compat-metrics")));
            Metric topicSent = metrics.get(new MetricName("record-send-total", "producer-topic-metrics", "",
                    Map.of("client-id", "compat-metrics", "topic", topic)));
            assertThat(sent.metricValue()).isEqualTo(10.0);
            assertThat(topicSent.metricValue()).isEqualTo(10.0);
            producer.send(new ProducerRecord<>(topic, "k", "v")).get();
            assertThat(sent.metricValue()).as("read live").isEqualTo(11.0);
            assertThat(producer.metrics().keySet()).as("the same keys each call").containsAll(metrics.keySet());
        }
    }

    @Test
    void feedsAKafkaMetricsReporterNamedInMetricReportersAndClosesIt(KafkaCluster kafka) throws Exception {
        String topic = Odradek.createServingTopic(kafka, "compat-reporter", 1);
        Properties properties = properties(kafka, "compat-reporter");
        properties.put("metric.reporters", RecordingKafkaReporter.class.getName());
        try (Producer<String, String> producer = new OdradekKafkaProducer<>(properties)) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get();

            RecordingKafkaReporter reporter = RecordingKafkaReporter.BY_CLIENT_ID.get("compat-reporter");
            assertThat(reporter.metrics.get(new MetricName("record-send-total", "producer-topic-metrics", "",
                    Map.of("client-id", "compat-reporter", "topic", topic))).metricValue()).isEqualTo(1.0);
            assertThat(reporter.metrics.keySet()).hasSameSizeAs(producer.metrics().keySet());
        }
        assertThat(RecordingKafkaReporter.BY_CLIENT_ID.get("compat-reporter").closed).isTrue();
    }

    private static Properties properties(KafkaCluster kafka, String clientId) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("client.id", clientId);
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        props.put("max.block.ms", "30000");
        return props;
    }
}
