package io.odradek.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.odradek.kafka.plugins.RecordingSerializer;
import io.odradek.kafka.plugins.RegionPartitioner;

/** Kafka's configuration keys and constructors, as KafkaProducer takes them. No broker: sends wait for metadata. */
class KafkaConfigsTest {
    private Producer<String, String> producer;

    @AfterEach
    void close() {
        RecordingSerializer.INSTANCES.clear();
        if (producer != null) {
            SideBySide.closeQuietly(producer);
        }
    }

    @Test
    void createsAndConfiguresKafkaSerializersNamedByClassAsKafkaDoes() {
        producer = SideBySide.odradek(SideBySide.configs("key.serializer", RecordingSerializer.class.getName(),
                "value.serializer", RecordingSerializer.class, "my.serializer.setting", "on"));
        producer.send(new ProducerRecord<>("t", "k", "v"));

        assertThat(RecordingSerializer.INSTANCES).hasSize(2);
        RecordingSerializer key = RecordingSerializer.INSTANCES.stream().filter(s -> s.isKey).findFirst().orElseThrow();
        RecordingSerializer value = RecordingSerializer.INSTANCES.stream().filter(s -> !s.isKey).findFirst().orElseThrow();
        assertThat(key.serialized).containsExactly("k");
        assertThat(value.serialized).containsExactly("v");
        assertThat(key.configs.get("my.serializer.setting")).isEqualTo("on");
    }

    @Test
    void serializerInstancesWinOverTheConfiguredClassesAsInKafka() {
        RecordingSerializer keys = new RecordingSerializer();
        RecordingSerializer values = new RecordingSerializer();
        producer = new OdradekKafkaProducer<>(SideBySide.configs(), keys, values);
        producer.send(new ProducerRecord<>("t", "k", "v"));

        assertThat(keys.serialized).containsExactly("k");
        assertThat(values.serialized).containsExactly("v");
        // Instances are the caller's: Kafka does not configure them, and neither does Odradek.
        assertThat(keys.configs).isNull();
        assertThat(RecordingSerializer.INSTANCES).containsExactly(keys, values);
    }

    @Test
    void takesPropertiesAsKafkaDoes() {
        Properties properties = new Properties();
        properties.putAll(SideBySide.configs("value.serializer", RecordingSerializer.class.getName()));
        producer = new OdradekKafkaProducer<>(properties);
        producer.send(new ProducerRecord<>("t", "v"));

        assertThat(RecordingSerializer.INSTANCES).singleElement()
                .satisfies(serializer -> assertThat(serializer.serialized).containsExactly("v"));
    }

    @Test
    void failsLikeKafkaWhenASerializerIsMissing() {
        Map<String, Object> configs = SideBySide.configs();
        configs.remove("value.serializer");

        Throwable expected = catchThrowable(() -> SideBySide.kafka(configs));
        Throwable actual = catchThrowable(() -> SideBySide.odradek(configs));

        assertThat(expected).isInstanceOf(ConfigException.class);
        assertThat(actual).isExactlyInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
    }

    @Test
    void handsUnknownKeysAndKafkasClientIdToAKafkaPartitionerNamedByClass() {
        producer = SideBySide.odradek(SideBySide.configs("partitioner.class", RegionPartitioner.class.getName(),
                "my.partitioner.region", "eu"));

        assertThat(RegionPartitioner.lastConfigs.get("my.partitioner.region")).isEqualTo("eu");
        assertThat((String) RegionPartitioner.lastConfigs.get("client.id")).matches("producer-\\d+");
    }

    @Test
    void usesAKafkaPartitionerOrSerializerInstanceInTheConfigurationAsItIsWithoutConfiguringIt() {
        RegionPartitioner.lastConfigs = null;
        RecordingSerializer values = new RecordingSerializer();
        producer = SideBySide.odradek(SideBySide.configs("partitioner.class", new RegionPartitioner(),
                "value.serializer", values, "my.partitioner.region", "eu"));
        producer.send(new ProducerRecord<>("t", "k", "v"));

        assertThat(RegionPartitioner.lastConfigs).isNull();
        assertThat(values.configs).isNull();
        assertThat(values.serialized).containsExactly("v");
    }

    @Test
    void rejectsAMisspeltKeyWithKafkasExceptionTypeAndTheHint() {
        assertThatThrownBy(() -> SideBySide.odradek(SideBySide.configs("linger.msec", "5")))
                .isExactlyInstanceOf(ConfigException.class)
                .hasMessageContaining("did you mean 'linger.ms'?");
    }

    @Test
    void refusesAKafkaKeyForAFeatureOdradekLacksWithKafkasExceptionType() {
        assertThatThrownBy(() -> SideBySide.odradek(SideBySide.configs("connections.max.idle.ms", "60000")))
                .isExactlyInstanceOf(ConfigException.class)
                .hasMessageContaining("connections.max.idle.ms").hasMessageContaining("does not close idle connections");
    }

    @Test
    void aKafkaSerializersOwnExceptionReachesTheCallerAsItIs() {
        SerializationException boom = new SerializationException("not serializable");
        Serializer<String> failing = (topic, data) -> {
            throw boom;
        };
        producer = new OdradekKafkaProducer<>(SideBySide.configs(), new StringSerializer(), failing);

        assertThatThrownBy(() -> producer.send(new ProducerRecord<>("t", "k", "v"))).isSameAs(boom);
    }

    @Test
    void anyOtherSerializerFailureBecomesKafkasSerializationException() {
        Serializer<String> failing = (topic, data) -> {
            throw new IllegalStateException("broken");
        };
        producer = new OdradekKafkaProducer<>(SideBySide.configs(), new StringSerializer(), failing);

        assertThatThrownBy(() -> producer.send(new ProducerRecord<>("t", "k", "v")))
                .isExactlyInstanceOf(SerializationException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void sendAfterCloseAndANegativeCloseTimeoutFailLikeKafka() {
        Map<String, Object> configs = SideBySide.configs("enable.metrics.push", "false");
        Producer<String, String> kafka = SideBySide.kafka(configs);
        Producer<String, String> odradek = SideBySide.odradek(configs);
        try {
            Throwable expectedNegative = catchThrowable(() -> kafka.close(Duration.ofMillis(-1)));
            assertThat(catchThrowable(() -> odradek.close(Duration.ofMillis(-1))))
                    .isExactlyInstanceOf(expectedNegative.getClass()).hasMessage(expectedNegative.getMessage());
            Throwable expectedTelemetry = catchThrowable(() -> kafka.clientInstanceId(Duration.ofSeconds(1)));
            assertThat(catchThrowable(() -> odradek.clientInstanceId(Duration.ofSeconds(1))))
                    .isExactlyInstanceOf(expectedTelemetry.getClass()).hasMessage(expectedTelemetry.getMessage());
        } finally {
            SideBySide.closeQuietly(kafka);
            SideBySide.closeQuietly(odradek);
        }
        Throwable expected = catchThrowable(() -> kafka.send(new ProducerRecord<>("t", "v")));
        Throwable actual = catchThrowable(() -> odradek.send(new ProducerRecord<>("t", "v")));
        assertThat(expected).isInstanceOf(IllegalStateException.class);
        assertThat(actual).isExactlyInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
    }

    @Test
    void exposesOdradeksMetricsUnderKafkasNamesGroupsAndTags() {
        Map<String, Object> configs = SideBySide.configs();
        configs.put("client.id", "named");
        producer = SideBySide.odradek(configs);

        org.apache.kafka.common.MetricName bufferTotal = new org.apache.kafka.common.MetricName("buffer-total-bytes",
                "producer-metrics", "", Map.of("client-id", "named"));
        assertThat(producer.metrics().get(bufferTotal).metricValue()).isEqualTo(33554432.0);
        assertThat(producer.metrics().keySet()).extracting(org.apache.kafka.common.MetricName::group)
                .contains("producer-metrics", "producer-latency-metrics");
    }
}
