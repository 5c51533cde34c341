package io.odradek.it.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.RoundRobinPartitioner;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;
import io.odradek.it.produce.Odradek;
import io.odradek.kafka.OdradekKafkaProducer;

/**
 * Code written against Kafka's {@link Producer} interface, run with OdradekKafkaProducer against a real broker
 * and read back with Kafka's consumer. Only the constructor names Odradek.
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaApiProducerTest {

    private static Properties properties(KafkaCluster kafka) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        props.put("max.block.ms", "30000");
        return props;
    }

    @Test
    void sendsWhatKafkasConsumerReadsBackWithKafkasMetadataInFuturesAndCallbacks(KafkaCluster kafka) throws Exception {
        String topic = Odradek.createServingTopic(kafka, "compat-send", 3);
        List<RecordMetadata> called = new CopyOnWriteArrayList<>();
        List<Future<RecordMetadata>> futures = new ArrayList<>();
        long timestamp = System.currentTimeMillis() - 60_000;
        try (Producer<String, String> producer = new OdradekKafkaProducer<>(properties(kafka))) {
            for (int i = 0; i < 30; i++) {
                RecordHeaders headers = new RecordHeaders();
                headers.add("n", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
                futures.add(producer.send(new ProducerRecord<>(topic, i % 3, timestamp + i, "key-" + i, "value-" + i,
                        headers), (metadata, exception) -> called.add(metadata)));
            }
            producer.flush();
            for (int i = 0; i < 30; i++) {
                RecordMetadata metadata = futures.get(i).get(Odradek.ACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                assertThat(metadata.topic()).isEqualTo(topic);
                assertThat(metadata.partition()).isEqualTo(i % 3);
                assertThat(metadata.offset()).isEqualTo(i / 3);
                assertThat(metadata.timestamp()).isEqualTo(timestamp + i);
                assertThat(metadata.serializedValueSize()).isEqualTo(("value-" + i).length());
            }
        }
        assertThat(called).hasSize(30).doesNotContainNull();

        List<ConsumerRecord<byte[], byte[]>> read = kafka.readAll(topic, 30, Odradek.READ_TIMEOUT);
        assertThat(read).hasSize(30);
        for (ConsumerRecord<byte[], byte[]> record : read) {
            int i = Integer.parseInt(new String(record.headers().lastHeader("n").value(), StandardCharsets.UTF_8));
            assertThat(Odradek.text(record.key())).isEqualTo("key-" + i);
            assertThat(Odradek.text(record.value())).isEqualTo("value-" + i);
            assertThat(record.partition()).isEqualTo(i % 3);
            assertThat(record.offset()).isEqualTo(i / 3);
            assertThat(record.timestamp()).isEqualTo(timestamp + i);
        }
    }

    @Test
    void keyedRecordsGoWhereKafkasProducerSendsThem(KafkaCluster kafka) throws Exception {
        String topic = Odradek.createServingTopic(kafka, "compat-keys", 5);
        try (Producer<String, String> producer = new OdradekKafkaProducer<>(properties(kafka))) {
            for (int i = 0; i < 20; i++) {
                String key = "customer-" + i;
                RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, key, "v"))
                        .get(Odradek.ACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                int kafkasChoice = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 5;
                assertThat(metadata.partition()).as(key).isEqualTo(kafkasChoice);
            }
        }
    }

    @Test
    void kafkasOwnRoundRobinPartitionerByNameSeesTheClusterAndSpreadsRecords(KafkaCluster kafka) throws Exception {
        String topic = Odradek.createServingTopic(kafka, "compat-round-robin", 3);
        Properties props = properties(kafka);
        props.put("partitioner.class", RoundRobinPartitioner.class.getName());
        Map<Integer, Integer> perPartition = new TreeMap<>();
        try (Producer<String, String> producer = new OdradekKafkaProducer<>(props)) {
            producer.partitionsFor(topic);
            for (int i = 0; i < 12; i++) {
                RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, "v" + i))
                        .get(Odradek.ACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                perPartition.merge(metadata.partition(), 1, Integer::sum);
            }
        }
        assertThat(perPartition).containsExactly(Map.entry(0, 4), Map.entry(1, 4), Map.entry(2, 4));
    }

    @Test
    void aKafkaInterceptorAndASerializerByNameAddHeadersAndTheInterceptorSeesAcknowledgements(KafkaCluster kafka) throws Exception {
        String topic = Odradek.createServingTopic(kafka, "compat-interceptor", 1);
        HeaderStampingInterceptor.ACKNOWLEDGED.clear();
        Properties props = properties(kafka);
        props.put("interceptor.classes", HeaderStampingInterceptor.class.getName());
        props.put("stamp.value", "audited");
        props.put("value.serializer", ContentTypeSerializer.class.getName());
        try (Producer<String, String> producer = new OdradekKafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get(Odradek.ACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        ConsumerRecord<byte[], byte[]> read = kafka.readAll(topic, 1, Odradek.READ_TIMEOUT).get(0);
        assertThat(Odradek.text(read.headers().lastHeader("stamp").value())).isEqualTo("audited");
        assertThat(Odradek.text(read.headers().lastHeader("content-type").value())).isEqualTo("text/plain");
        assertThat(HeaderStampingInterceptor.ACKNOWLEDGED).singleElement()
                .satisfies(metadata -> assertThat(metadata.topic()).isEqualTo(topic));
    }

    @Test
    void partitionsForNamesEachLeaderAsKafkasNode(KafkaCluster kafka) {
        String topic = kafka.createTopic("compat-partitions", 2);
        try (Producer<String, String> producer = new OdradekKafkaProducer<>(properties(kafka))) {
            List<PartitionInfo> partitions = producer.partitionsFor(topic);

            assertThat(partitions).extracting(PartitionInfo::partition).containsExactlyInAnyOrder(0, 1);
            assertThat(partitions).allSatisfy(p -> assertThat(kafka.bootstrapServers())
                    .contains(p.leader().host() + ":" + p.leader().port()));
        }
    }

    @Test
    void failuresArriveAsKafkasExceptionTypes(KafkaCluster kafka) {
        String topic = kafka.createTopic("compat-errors", 1);
        Properties props = properties(kafka);
        props.put("max.request.size", "1000");
        props.put("max.block.ms", "1000");
        try (Producer<String, String> producer = new OdradekKafkaProducer<>(props)) {
            Future<RecordMetadata> tooLarge = producer.send(new ProducerRecord<>(topic, "x".repeat(2000)));
            assertThatThrownBy(() -> tooLarge.get(Odradek.ACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RecordTooLargeException.class);

            Future<RecordMetadata> noSuchTopic = producer.send(new ProducerRecord<>("compat-no-such-topic", "v"));
            assertThatThrownBy(() -> noSuchTopic.get(Odradek.ACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
            producer.close(Duration.ofSeconds(5));
        }
    }
}
