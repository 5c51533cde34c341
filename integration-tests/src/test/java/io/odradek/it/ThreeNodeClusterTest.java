package io.odradek.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The fault-test infrastructure: a three-node cluster survives losing one node, and the node comes back. */
class ThreeNodeClusterTest {

    @Test
    void keepsAcceptingWritesWhileOneOfThreeNodesIsDownAndTakesTheNodeBack() throws Exception {
        try (KafkaCluster kafka = KafkaCluster.startNew(3)) {
            assertThat(kafka.bootstrapServers().split(",")).hasSize(3);
            String topic = kafka.createTopic("three", 3);

            kafka.broker().stopBroker(2);
            assertThat(kafka.bootstrapServers().split(",")).hasSize(2);
            try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
                for (int i = 0; i < 30; i++) {
                    producer.send(new ProducerRecord<>(topic, i % 3, null, bytes("v" + i))).get();
                }
            }
            kafka.broker().startBroker(2);

            List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(topic, 30, Duration.ofSeconds(30));
            assertThat(records).hasSize(30);
            assertThat(kafka.bootstrapServers().split(",")).hasSize(3);
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(KafkaCluster kafka) {
        Properties props = new Properties();
        props.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
