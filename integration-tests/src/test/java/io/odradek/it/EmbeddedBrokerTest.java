package io.odradek.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Proves the test infrastructure itself, with Apache Kafka's own producer on both ends. */
@ExtendWith(KafkaBrokerExtension.class)
class EmbeddedBrokerTest {

    @Test
    void readsBackEveryRecordKafkasOwnProducerWrote(KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("embedded", 3);
        try (KafkaProducer<byte[], byte[]> producer = kafkaProducer(kafka)) {
            for (int i = 0; i < 100; i++) {
                producer.send(new ProducerRecord<>(topic, i % 3, bytes("key-" + i), bytes("value-" + i)));
            }
            producer.flush();
        }

        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(topic, 100, Duration.ofSeconds(30));

        assertThat(records).hasSize(100);
        Map<String, String> valueByKey = records.stream()
                .collect(Collectors.toMap(r -> string(r.key()), r -> string(r.value())));
        assertThat(valueByKey).hasSize(100);
        for (int i = 0; i < 100; i++) {
            assertThat(valueByKey).containsEntry("key-" + i, "value-" + i);
        }
        assertThat(records).allSatisfy(r ->
                assertThat(r.partition()).isEqualTo(Integer.parseInt(string(r.key()).substring(4)) % 3));
        Set<Integer> partitions = records.stream().map(ConsumerRecord::partition).collect(Collectors.toSet());
        assertThat(partitions).containsExactlyInAnyOrder(0, 1, 2);
        // Within a partition the order of sends is the order of offsets.
        for (int partition = 0; partition < 3; partition++) {
            int p = partition;
            List<Integer> sendIndexes = records.stream().filter(r -> r.partition() == p)
                    .map(r -> Integer.parseInt(string(r.key()).substring(4))).collect(Collectors.toList());
            assertThat(sendIndexes).isSorted();
        }
    }

    @Test
    void topicsAreNotCreatedAutomatically(KafkaCluster kafka) throws Exception {
        String created = kafka.createTopic("exists", 1);
        String neverCreated = created.replace("exists", "missing");

        try (KafkaProducer<byte[], byte[]> producer = kafkaProducer(kafka)) {
            // Asking for metadata of an unknown topic would auto-create it if the broker allowed that.
            assertThat(producer.send(new ProducerRecord<>(neverCreated, bytes("v"))))
                    .failsWithin(10, TimeUnit.SECONDS);
        }

        assertThat(kafka.topicExists(created)).isTrue();
        assertThat(kafka.topicExists(neverCreated)).isFalse();
    }

    @Test
    void everyTestSeesTheSameSharedBroker(KafkaCluster first, KafkaCluster second) {
        assertThat(first).isSameAs(second);
        assertThat(first.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
    }

    private static KafkaProducer<byte[], byte[]> kafkaProducer(KafkaCluster kafka) {
        Properties props = new Properties();
        props.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.setProperty(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        props.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
