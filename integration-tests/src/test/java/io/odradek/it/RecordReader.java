package io.odradek.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a whole topic back with Apache Kafka's own consumer: the independent witness of what was written. */
final class RecordReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private RecordReader() {
    }

    /**
     * Reads every partition of {@code topic} from the beginning (assigned, no consumer group) until at least
     * {@code expectedCount} records arrived and every partition is read up to the end offset it had then, or
     * until {@code timeout}. Reading to the end offsets means duplicates beyond {@code expectedCount} are
     * returned too, so a test asserting the count sees them. Records of one partition keep their order.
     * With {@link IsolationLevel#READ_COMMITTED} the end offset is the last stable offset.
     */
    static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrapServers, String topic, int expectedCount,
                                                         Duration timeout, IsolationLevel isolationLevel) {
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(bootstrapServers,
                isolationLevel), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, timeout)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endOffsets = null;
            while (System.nanoTime() - deadlineNanos < 0) {
                consumer.poll(POLL).forEach(records::add);
                if (records.size() >= expectedCount) {
                    if (endOffsets == null) {
                        endOffsets = consumer.endOffsets(partitions, timeout);
                    }
                    if (caughtUp(consumer, endOffsets)) {
                        break;
                    }
                }
            }
        }
        return records;
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> endOffsets) {
        return endOffsets.entrySet().stream()
                .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static Properties consumerProperties(String bootstrapServers, IsolationLevel isolationLevel) {
        Properties props = new Properties();
        props.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.setProperty(ConsumerConfig.CLIENT_ID_CONFIG, "odradek-it-reader-" + UUID.randomUUID());
        props.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel.toString());
        props.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }
}
