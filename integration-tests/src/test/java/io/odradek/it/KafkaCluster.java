package io.odradek.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.odradek.tools.broker.EmbeddedKafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;

/**
 * A real Kafka cluster as the integration tests see it: where it is, unique topics, and reading back what
 * a producer wrote with Apache Kafka's own consumer.
 *
 * <p>Most tests get the suite's shared single broker from {@link KafkaBrokerExtension}. Fault tests that stop
 * brokers start a cluster of their own with {@link #startNew(int)} and close it themselves.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final AtomicInteger TOPIC_COUNTER = new AtomicInteger();

    private final EmbeddedKafkaBroker broker;

    private KafkaCluster(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /**
     * Starts a cluster of {@code brokers} nodes with its data under {@code <module>/target/kafka-<random>},
     * topic auto-creation off (a test that forgets to create its topic fails instead of passing by luck).
     */
    public static KafkaCluster startNew(int brokers) {
        Path dataDir = Path.of(System.getProperty("basedir", "."), "target",
                "kafka-" + UUID.randomUUID().toString().substring(0, 8));
        return new KafkaCluster(EmbeddedKafkaBroker.builder()
                .dataDir(dataDir)
                .brokers(brokers)
                .autoCreateTopics(false)
                // Idle, a broker is ready in about 10 s; on this 2-core machine shared with parallel builds it
                // took 33 s once (load 13), so the tests allow more than the broker's default 60 s.
                .startupTimeout(Duration.ofSeconds(Long.getLong("odradek.it.kafkaStartupTimeoutSeconds", 120)))
                // Fewer partitions of the internal topics make the first group/transaction coordinator
                // lookup fast; nothing in these tests depends on there being fifty.
                .serverProperty("offsets.topic.num.partitions", "3")
                .serverProperty("transaction.state.log.num.partitions", "3")
                // A transaction left open past transaction.timeout.ms is aborted by the next check of this
                // interval (10 s by default): a second makes the timeout test take seconds, not tens of them.
                .serverProperty("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000")
                .start());
    }

    /** A cluster started elsewhere (one with extra listeners), with this class's topics and read-back. */
    public static KafkaCluster of(EmbeddedKafkaBroker broker) {
        return new KafkaCluster(broker);
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Creates a topic named {@code <prefix>-<n>-<random>} and waits until all its partitions have leaders. */
    public String createTopic(String prefix, int partitions) {
        String name = prefix + "-" + TOPIC_COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        broker.createTopic(name, partitions);
        return name;
    }

    public boolean topicExists(String name) {
        return broker.topicExists(name);
    }

    /** See {@link RecordReader#readAll}; reads with {@code read_uncommitted}. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expectedCount, Duration timeout) {
        return readAll(topic, expectedCount, timeout, IsolationLevel.READ_UNCOMMITTED);
    }

    /** See {@link RecordReader#readAll}. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expectedCount, Duration timeout,
                                                        IsolationLevel isolationLevel) {
        return RecordReader.readAll(bootstrapServers(), topic, expectedCount, timeout, isolationLevel);
    }

    /** The underlying cluster, for tests that stop and start brokers or need its logs. */
    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    @Override
    public void close() {
        broker.close();
    }
}
