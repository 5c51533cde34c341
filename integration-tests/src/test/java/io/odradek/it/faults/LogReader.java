package io.odradek.it.faults;

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

/**
 * Reads a whole topic with Apache Kafka's own consumer, the independent witness of what the producers wrote.
 * Unlike {@code RecordReader}, which waits for an expected count, this reads up to the end offsets, whatever
 * is there (the producers are closed by then, so the end offsets are final), and fails if it cannot get
 * there: a partial read would look like lost records.
 */
final class LogReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private LogReader() {
    }

    /** Every record of {@code topic}, partition by partition in offset order. */
    static List<ConsumerRecord<byte[], byte[]>> readToEnd(String bootstrapServers, String topic, Duration timeout) {
        return readToEnd(bootstrapServers, topic, timeout, IsolationLevel.READ_UNCOMMITTED);
    }

    /**
     * What a reader with {@code isolation} reads of {@code topic}, partition by partition in offset order; with
     * {@code read_committed}, up to the last stable offset, aborted transactions left out.
     */
    static List<ConsumerRecord<byte[], byte[]>> readToEnd(String bootstrapServers, String topic, Duration timeout,
                                                          IsolationLevel isolation) {
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties(bootstrapServers, isolation),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, timeout)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endOffsets = isolation == IsolationLevel.READ_COMMITTED
                    ? stableEndOffsets(bootstrapServers, consumer, partitions, deadlineNanos)
                    : consumer.endOffsets(partitions, timeout);
            while (!caughtUp(consumer, endOffsets)) {
                if (System.nanoTime() - deadlineNanos > 0) {
                    throw new AssertionError("could not read " + topic + " to its end offsets " + endOffsets
                            + " within " + timeout + "; read " + records.size() + " records");
                }
                consumer.poll(POLL).forEach(records::add);
            }
        }
        records.sort((a, b) -> a.partition() != b.partition()
                ? Integer.compare(a.partition(), b.partition()) : Long.compare(a.offset(), b.offset()));
        return records;
    }

    /**
     * The last stable offsets once they reach the high watermarks. A commit returns when the coordinator has
     * decided it; the markers reach the partitions after that (later still when a partition's leader was just
     * restarted), and until then the last stable offset stays before the transaction. Reading earlier would
     * show a committed transaction as empty.
     */
    private static Map<TopicPartition, Long> stableEndOffsets(String bootstrapServers,
                                                              KafkaConsumer<byte[], byte[]> committed,
                                                              List<TopicPartition> partitions, long deadlineNanos) {
        try (KafkaConsumer<byte[], byte[]> uncommitted = new KafkaConsumer<>(
                properties(bootstrapServers, IsolationLevel.READ_UNCOMMITTED), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            while (true) {
                Map<TopicPartition, Long> highWatermarks = uncommitted.endOffsets(partitions, Duration.ofSeconds(10));
                Map<TopicPartition, Long> lastStable = committed.endOffsets(partitions, Duration.ofSeconds(10));
                if (lastStable.equals(highWatermarks)) {
                    return lastStable;
                }
                if (System.nanoTime() - deadlineNanos > 0) {
                    throw new AssertionError("transactions still open in " + partitions + ": last stable offsets "
                            + lastStable + ", high watermarks " + highWatermarks);
                }
                committed.poll(POLL); // waits a little, and keeps the consumer's connections warm
            }
        }
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> endOffsets) {
        return endOffsets.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static Properties properties(String bootstrapServers, IsolationLevel isolation) {
        Properties props = new Properties();
        props.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
        props.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.setProperty(ConsumerConfig.CLIENT_ID_CONFIG, "odradek-faults-reader-" + UUID.randomUUID());
        props.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }
}
