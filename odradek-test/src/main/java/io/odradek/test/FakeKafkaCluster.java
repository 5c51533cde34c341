package io.odradek.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.Serializer;
import io.odradek.domain.assembly.ProducerAssembly;
import io.odradek.domain.fake.FakeBroker;
import io.odradek.domain.fake.FakeTransport;
import io.odradek.domain.fake.FakeWireProtocol;
import io.odradek.domain.fake.PartitionLog;

/**
 * An in-memory Kafka cluster on a manual clock, for testing your own retry and error handling without a broker:
 * the producers it makes are the real Odradek producer (batching, retries with backoff, idempotence,
 * {@code request.timeout.ms} and {@code delivery.timeout.ms}), talking to the cluster instead of sockets. The test
 * scripts the faults and reads back what each partition holds.
 *
 * <pre>{@code
 * try (FakeKafkaCluster cluster = FakeKafkaCluster.withBrokers(1).createTopic("orders", 1)) {
 *     Producer<String, String> producer = cluster.newProducer(Serializers.string(), Serializers.string(),
 *             config -> config.deliveryTimeout(Duration.ofSeconds(30)));
 *     cluster.failNextProduce("orders", 0, BrokerError.TOPIC_AUTHORIZATION_FAILED, 1);
 *
 *     RecordFuture sent = producer.send(new ProducerRecord<>("orders", "order-17", "{}"));
 *     cluster.awaitUntil(sent::isDone);
 *
 *     assertThrows(CompletionException.class, sent::join);       // BrokerErrorException, not retried
 *     assertEquals(List.of(), cluster.records("orders", 0));
 * }
 * }</pre>
 *
 * <p>Time is simulated, and it moves only when the test says so: {@link #advance} and {@link #awaitUntil} move it
 * from one thing due to the next (a linger, a retry backoff, a request timeout) and deliver everything due on the
 * way, on the test's thread, so callbacks run there too and a test never sleeps. A send only queues its record;
 * nothing goes out until time moves. The producers' blocking methods ({@code flush}, {@code close}, the
 * transactional ones) drive the cluster themselves; to call your own code that blocks (on a future's
 * {@code get()}, say), wrap it in {@link #callBlocking} or {@link #runBlocking}. Retry jitter is seeded, so a test
 * runs the same way every time.
 *
 * <p>Brokers are numbered from 0; partition {@code p} of a topic is led by broker {@code p % brokers} until
 * {@link #moveLeader} moves it. Topics must be created before records are sent to them: an unknown topic is
 * unknown, as on a cluster that does not create topics, and its records fail after {@code max.block.ms}.
 *
 * <p>Not thread-safe: one test thread creates topics, scripts faults and moves time. Sends may come from any thread.
 * Compression is accepted but not applied (records are stored as sent).
 */
public final class FakeKafkaCluster implements AutoCloseable {
    /** How long {@link #awaitUntil(BooleanSupplier)} lets simulated time run: more than the default delivery.timeout.ms. */
    private static final Duration DEFAULT_AWAIT_LIMIT = Duration.ofMinutes(10);
    private static final long FIRST_SEED = 42L;

    private final FakeBroker broker;
    private final SimulatedTime time = new SimulatedTime();
    private final List<Member> producers = new ArrayList<>();

    /** A producer made here, with the transport that tells whether it was closed. */
    private record Member(Producer<?, ?> producer, FakeTransport transport) {
    }

    private FakeKafkaCluster(int brokers) {
        this.broker = new FakeBroker(brokers);
    }

    /** A cluster of {@code brokers} brokers, numbered from 0, with no topics yet. */
    public static FakeKafkaCluster withBrokers(int brokers) {
        if (brokers < 1) {
            throw new IllegalArgumentException("a cluster needs at least one broker, not " + brokers);
        }
        return new FakeKafkaCluster(brokers);
    }

    /** Creates a topic whose partition {@code p} is led by broker {@code p % brokers}. */
    public FakeKafkaCluster createTopic(String topic, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition, not " + partitions);
        }
        broker.createTopic(topic, partitions);
        return this;
    }

    /** The cluster's {@code bootstrap.servers}: every broker, so that one being unreachable does not matter. */
    public String bootstrapServers() {
        List<String> servers = new ArrayList<>();
        for (int id = 0; id < broker.nodeCount(); id++) {
            servers.add("node-" + id + ":" + FakeBroker.PORT);
        }
        return String.join(",", servers);
    }

    // ---- producers ----

    /** A real producer on this cluster, with the default configuration. */
    public <K, V> Producer<K, V> newProducer(Serializer<K> keySerializer, Serializer<V> valueSerializer) {
        return newProducer(keySerializer, valueSerializer, config -> { });
    }

    /**
     * A real producer on this cluster, configured by {@code settings} (retries, timeouts, idempotence, linger, ...);
     * {@code bootstrap.servers} is the cluster's. Closing the cluster closes it if the test did not.
     */
    public <K, V> Producer<K, V> newProducer(Serializer<K> keySerializer, Serializer<V> valueSerializer,
                                             Consumer<ProducerConfig.Builder> settings) {
        ProducerConfig.Builder builder = ProducerConfig.builder().clientId("fake-cluster-producer-" + producers.size());
        settings.accept(builder);
        ProducerConfig config = builder.bootstrapServers(bootstrapServers().split(",")).build();
        // Each producer has a protocol of its own: requests wait there by correlation id, which each producer counts.
        FakeWireProtocol protocol = new FakeWireProtocol();
        FakeTransport transport = new FakeTransport(time.clock(), broker, protocol);
        time.drive(transport);
        Producer<K, V> producer = new DrivenProducer<>(ProducerAssembly.create(config, keySerializer, valueSerializer,
                transport, protocol, new Random(FIRST_SEED + producers.size())), time);
        producers.add(new Member(producer, transport));
        return producer;
    }

    // ---- faults ----

    /**
     * The next {@code times} batches sent to the partition are refused with {@code error} and not written. A
     * retriable error is retried by the producer (within {@code retries} and {@code delivery.timeout.ms}); any other
     * fails the batch's records with the exception the producer maps it to.
     */
    public void failNextProduce(String topic, int partition, BrokerError error, int times) {
        requirePartition(topic, partition);
        broker.failNextProduce(topic, partition, error.code(), times);
    }

    /**
     * The broker writes the batches of its next {@code count} Produce requests, but its answers never arrive: the
     * producer waits {@code request.timeout.ms}, then sends them again (an idempotent producer's retry is recognised
     * and not written twice), and fails them with a {@code TimeoutException} once {@code delivery.timeout.ms} has
     * passed. {@code Integer.MAX_VALUE} makes the broker answer nothing from now on.
     */
    public void loseNextProduceAnswers(int brokerId, int count) {
        requireBroker(brokerId);
        broker.loseNextProduceAnswers(brokerId, count);
    }

    /** The broker drops every connection to it and refuses new ones, and metadata stops naming it. */
    public void makeUnreachable(int brokerId) {
        requireBroker(brokerId);
        broker.setDown(brokerId, true);
        producers.forEach(member -> member.transport().disconnectNode(brokerId));
    }

    /** The broker accepts connections again. */
    public void makeReachable(int brokerId) {
        requireBroker(brokerId);
        broker.setDown(brokerId, false);
    }

    /** Broker {@code brokerId} leads the partition from now on; its old leader refuses it NOT_LEADER_OR_FOLLOWER. */
    public void moveLeader(String topic, int partition, int brokerId) {
        requirePartition(topic, partition);
        requireBroker(brokerId);
        broker.moveLeader(topic, partition, brokerId);
    }

    // ---- what the cluster holds ----

    /**
     * The partition's records in offset order, as the cluster wrote them: a batch an idempotent producer (the default)
     * sent again is written once; one a producer without idempotence sent again is written again.
     */
    public List<StoredRecord> records(String topic, int partition) {
        requirePartition(topic, partition);
        return broker.log(topic, partition).stream().map(FakeKafkaCluster::toStoredRecord).toList();
    }

    /** How many batches for the partition reached its brokers: first attempts, retries and refused ones. */
    public int produceAttempts(String topic, int partition) {
        requirePartition(topic, partition);
        return broker.produceAttempts(topic, partition);
    }

    /** The broker that leads the partition now. */
    public int leaderOf(String topic, int partition) {
        requirePartition(topic, partition);
        return broker.partition(topic, partition).leader();
    }

    // ---- time ----

    /** Moves simulated time forward by {@code duration}, delivering everything due on the way. */
    public void advance(Duration duration) {
        time.advance(duration);
    }

    /**
     * Moves simulated time, from one thing due to the next, until {@code condition} holds (checked after each);
     * fails with an {@link AssertionError} if it does not within 10 minutes of simulated time.
     */
    public void awaitUntil(BooleanSupplier condition) {
        awaitUntil(condition, DEFAULT_AWAIT_LIMIT);
    }

    /** As {@link #awaitUntil(BooleanSupplier)}, failing after {@code limit} of simulated time. */
    public void awaitUntil(BooleanSupplier condition, Duration limit) {
        time.awaitUntil(condition, limit);
    }

    /** Simulated time since the cluster was made. */
    public Duration elapsed() {
        return time.elapsed();
    }

    /**
     * Runs code that blocks on a producer (a future's {@code get()}, your own synchronous send) on another thread
     * while this one drives the cluster, and returns its result or throws what it threw. Time moves only while that
     * code waits, to the next thing due; give the outcome to assertions, not the simulated time it took.
     */
    public <T> T callBlocking(Callable<T> blocking) throws Exception {
        return time.callBlocking(blocking);
    }

    /** As {@link #callBlocking}, for code that returns nothing and throws no checked exception. */
    public void runBlocking(Runnable blocking) {
        try {
            time.callBlocking(() -> {
                blocking.run();
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("a Runnable threw a checked exception", e);
        }
    }

    /** Closes the producers the test left open, without waiting for their records. */
    @Override
    public void close() {
        for (Member member : producers) {
            if (!member.transport().isClosed()) {
                member.producer().close(Duration.ZERO);
            }
        }
    }

    private static StoredRecord toStoredRecord(PartitionLog.StoredRecord stored) {
        return new StoredRecord(stored.offset(), stored.record().timestampMs(), stored.record().key(),
                stored.record().value(), stored.record().headers());
    }

    private void requireBroker(int brokerId) {
        if (brokerId < 0 || brokerId >= broker.nodeCount()) {
            throw new IllegalArgumentException("no broker " + brokerId + ": the cluster has brokers 0 to "
                    + (broker.nodeCount() - 1));
        }
    }

    private void requirePartition(String topic, int partition) {
        if (!broker.hasTopic(topic)) {
            throw new IllegalArgumentException("no topic " + topic + " on the cluster: create it first");
        }
        if (partition < 0 || partition >= broker.partitions(topic).size()) {
            throw new IllegalArgumentException("topic " + topic + " has no partition " + partition);
        }
    }
}
