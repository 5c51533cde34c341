package io.odradek.it.transactions;

import static io.odradek.it.produce.Odradek.READ_TIMEOUT;
import static io.odradek.it.produce.Odradek.text;
import static io.odradek.it.produce.Odradek.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.odradek.api.ConsumerGroupMetadata;
import io.odradek.api.Producer;
import io.odradek.api.ProducerRecord;
import io.odradek.api.TopicPartition;
import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;
import io.odradek.it.produce.Odradek;

/**
 * A real consume-transform-produce loop (KIP-98, KIP-447): Apache Kafka's consumer reads an input topic in a
 * group, Odradek writes each record transformed and sends the consumer's positions to the same transaction. One
 * round is aborted and its input reprocessed from the committed positions. Afterwards every input record is in the
 * output exactly once (read_committed), and a new consumer of the group starts where the last commit left off.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ConsumeTransformProduceTest {
    private static final int INPUT_RECORDS = 300;
    private static final int PROCESSED_BEFORE_STOP = 200;

    @Test
    void offsetsSentToTheTransactionAreWhereTheGroupResumesAndEveryInputIsOutputOnce(KafkaCluster kafka)
            throws Exception {
        String input = Odradek.createServingTopic(kafka, "ctp-input", 2);
        String output = Odradek.createServingTopic(kafka, "ctp-output", 2);
        String group = "ctp-group-" + UUID.randomUUID().toString().substring(0, 8);
        try (Producer<byte[], byte[]> seed = Odradek.producer(Odradek.config(kafka))) {
            for (int i = 0; i < INPUT_RECORDS; i++) {
                seed.send(new ProducerRecord<>(input, i % 2, null, utf8("in-" + i)));
            }
        }

        List<String> processed = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka, group);
             Producer<byte[], byte[]> producer = Odradek.producer(Odradek.config(kafka)
                     .transactionalId("ctp-" + group))) {
            consumer.subscribe(List.of(input));
            producer.initTransactions();
            boolean abortedOnce = false;
            long deadlineNs = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (processed.size() < PROCESSED_BEFORE_STOP && System.nanoTime() < deadlineNs) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                producer.beginTransaction();
                List<String> round = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    String value = text(record.value());
                    round.add(value);
                    producer.send(new ProducerRecord<>(output, record.partition(), null,
                            utf8(value.replace("in-", "out-"))));
                }
                producer.sendOffsetsToTransaction(positions(consumer, records), groupMetadata(consumer));
                if (!abortedOnce) {
                    // The first round goes wrong after the fact: abort, and reprocess from the committed positions.
                    abortedOnce = true;
                    producer.abortTransaction();
                    rewindToCommitted(consumer, records);
                    continue;
                }
                producer.commitTransaction();
                processed.addAll(round);
            }
        }

        List<String> expectedOutput = processed.stream().map(value -> value.replace("in-", "out-")).sorted().toList();
        List<ConsumerRecord<byte[], byte[]>> out = kafka.readAll(output, processed.size(), READ_TIMEOUT,
                IsolationLevel.READ_COMMITTED);
        assertThat(out.stream().map(record -> text(record.value())).sorted().toList())
                .as("every processed input once in the output").isEqualTo(expectedOutput);

        try (KafkaConsumer<byte[], byte[]> resumed = consumer(kafka, group)) {
            resumed.subscribe(List.of(input));
            List<String> rest = new ArrayList<>();
            long deadlineNs = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (processed.size() + rest.size() < INPUT_RECORDS && System.nanoTime() < deadlineNs) {
                resumed.poll(Duration.ofMillis(200)).forEach(record -> rest.add(text(record.value())));
            }
            List<String> all = new ArrayList<>(processed);
            all.addAll(rest);
            assertThat(all).as("the group resumed exactly after what it committed").hasSize(INPUT_RECORDS)
                    .doesNotHaveDuplicates();
        }
    }

    /** The next offset to read of every partition this poll returned records of. */
    private static Map<TopicPartition, io.odradek.api.OffsetAndMetadata> positions(
            KafkaConsumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, io.odradek.api.OffsetAndMetadata> positions = new HashMap<>();
        for (org.apache.kafka.common.TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> ofPartition = records.records(partition);
            long next = ofPartition.get(ofPartition.size() - 1).offset() + 1;
            positions.put(new TopicPartition(partition.topic(), partition.partition()),
                    new io.odradek.api.OffsetAndMetadata(next));
        }
        return positions;
    }

    private static ConsumerGroupMetadata groupMetadata(KafkaConsumer<byte[], byte[]> consumer) {
        org.apache.kafka.clients.consumer.ConsumerGroupMetadata kafka = consumer.groupMetadata();
        return new ConsumerGroupMetadata(kafka.groupId(), kafka.generationId(), kafka.memberId(),
                kafka.groupInstanceId());
    }

    private static void rewindToCommitted(KafkaConsumer<byte[], byte[]> consumer,
                                          ConsumerRecords<byte[], byte[]> records) {
        Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> committed = consumer.committed(
                records.partitions(), Duration.ofSeconds(30));
        for (org.apache.kafka.common.TopicPartition partition : records.partitions()) {
            OffsetAndMetadata offset = committed.get(partition);
            consumer.seek(partition, offset == null ? 0 : offset.offset());
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(KafkaCluster kafka, String group) {
        Properties props = new Properties();
        props.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.setProperty(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "40");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
