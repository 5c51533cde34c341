package io.odradek.it.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;
import io.odradek.it.produce.Odradek;
import io.odradek.kafka.OdradekKafkaProducer;

/** Spring Kafka's KafkaTemplate, unchanged, sending through OdradekKafkaProducer. */
@ExtendWith(KafkaBrokerExtension.class)
class SpringKafkaTemplateTest {

    /** Spring's own factory, with Odradek as the raw producer: the one override an application writes. */
    static final class OdradekProducerFactory<K, V> extends DefaultKafkaProducerFactory<K, V> {
        OdradekProducerFactory(Map<String, Object> configs) {
            super(configs);
        }

        @Override
        protected Producer<K, V> createRawProducer(Map<String, Object> rawConfigs) {
            return new OdradekKafkaProducer<>(rawConfigs, getKeySerializerSupplier().get(),
                    getValueSerializerSupplier().get());
        }
    }

    @Test
    void kafkaTemplateSendsThroughOdradek(KafkaCluster kafka) throws Exception {
        String topic = Odradek.createServingTopic(kafka, "spring-template", 2);
        Map<String, Object> configs = new HashMap<>();
        configs.put("bootstrap.servers", kafka.bootstrapServers());
        configs.put("key.serializer", StringSerializer.class);
        configs.put("value.serializer", StringSerializer.class);
        OdradekProducerFactory<String, String> factory = new OdradekProducerFactory<>(configs);
        try {
            KafkaTemplate<String, String> template = new KafkaTemplate<>(factory);
            SendResult<String, String> first = template.send(topic, 0, "order-17", "{\"total\": 42}")
                    .get(Odradek.ACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            SendResult<String, String> second = template.send(topic, 1, "order-18", "{\"total\": 7}")
                    .get(Odradek.ACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            template.flush();

            assertThat(first.getRecordMetadata().partition()).isZero();
            assertThat(first.getRecordMetadata().offset()).isZero();
            assertThat(second.getRecordMetadata().partition()).isEqualTo(1);
            assertThat(template.partitionsFor(topic)).hasSize(2);
            assertThat(factory.createProducer()).extracting(Object::toString).asString().contains("Odradek");
        } finally {
            factory.destroy();
        }

        List<ConsumerRecord<byte[], byte[]>> read = kafka.readAll(topic, 2, Odradek.READ_TIMEOUT);
        assertThat(read).extracting(r -> Odradek.text(r.key()) + "=" + Odradek.text(r.value()))
                .containsExactlyInAnyOrder("order-17={\"total\": 42}", "order-18={\"total\": 7}");
    }
}
