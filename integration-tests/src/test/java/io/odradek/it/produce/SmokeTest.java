package io.odradek.it.produce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordMetadata;
import io.odradek.api.Serializers;
import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;

@ExtendWith(KafkaBrokerExtension.class)
class SmokeTest {
    @Test
    void sendsAndReadsBack(KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("smoke", 3);
        ProducerConfig config = ProducerConfig.builder().bootstrapServers(kafka.bootstrapServers()).build();
        List<CompletableFuture<RecordMetadata>> futures = new ArrayList<>();
        try (Producer<String, String> producer = Producer.create(config, Serializers.string(), Serializers.string())) {
            for (int i = 0; i < 1000; i++) {
                futures.add(producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)));
            }
            producer.flush();
        }
        for (CompletableFuture<RecordMetadata> f : futures) {
            assertThat(f.get().offset()).isGreaterThanOrEqualTo(0);
        }
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(topic, 1000, Duration.ofSeconds(30));
        assertThat(records).hasSize(1000);
        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).startsWith("v");
    }
}
