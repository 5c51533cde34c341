package io.odradek.it.faults;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Apache Kafka's own producer: the reference every scenario compares Odradek with. */
final class KafkaStreamProducer implements StreamProducer {

    private final KafkaProducer<byte[], byte[]> producer;

    KafkaStreamProducer(Map<String, Object> kafkaProperties) {
        this.producer = new KafkaProducer<>(kafkaProperties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void send(String topic, byte[] key, byte[] value, Completion completion) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> completion.completed(
                    metadata == null ? -1 : metadata.partition(), error == null ? metadata.offset() : -1, error));
        } catch (RuntimeException refused) {
            completion.completed(-1, -1, refused);
        }
    }

    @Override
    public void close(Duration timeout) {
        producer.close(timeout);
    }
}
