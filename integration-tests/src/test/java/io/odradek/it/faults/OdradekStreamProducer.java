package io.odradek.it.faults;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerRecord;
import io.odradek.api.Serializers;

/** Odradek's producer on one transport, configured from Kafka's property names. */
final class OdradekStreamProducer implements StreamProducer {

    private final Producer<byte[], byte[]> producer;

    OdradekStreamProducer(Map<String, Object> kafkaProperties, String transport) {
        Map<String, Object> properties = new HashMap<>(kafkaProperties);
        properties.put("transport", transport);
        this.producer = Producer.create(ProducerConfig.from(properties), Serializers.byteArray(), Serializers.byteArray());
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
