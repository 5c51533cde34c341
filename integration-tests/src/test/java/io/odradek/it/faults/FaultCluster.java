package io.odradek.it.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.odradek.tools.broker.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.ElectionNotNeededException;

/**
 * Three real Kafka brokers in child JVMs, each behind a {@link TcpProxy} of its own, for fault scenarios:
 * kill, stop and restart brokers, cut or slow a client's connections to one of them, move leaders, add
 * partitions.
 *
 * <p>Producers bootstrap through the proxies, and each broker advertises its proxy's address on its client
 * listener, so every connection a producer opens passes through one. Brokers replicate over a listener of
 * their own that no proxy touches, and the harness itself (admin, the reading consumer) uses it too: cutting
 * a producer off a broker leaves the cluster healthy and the witness able to read.
 *
 * <p>Nodes are named by index, 0 to 2. Topics have replication factor 3 and {@code min.insync.replicas=2}; a
 * replica assignment lists, per partition, node indexes with the preferred leader first.
 */
public final class FaultCluster implements AutoCloseable {

    public static final int NODES = 3;
    public static final int MIN_IN_SYNC_REPLICAS = 2;

    /** A broker JVM on a loaded 2-core machine took 33 s to start once; a restart also recovers logs. */
    private static final Duration STARTUP = Duration.ofSeconds(Long.getLong("odradek.it.kafkaStartupTimeoutSeconds", 120));
    /** A restarted replica fetching a scenario's few megabytes back into the ISR, with six producers still sending. */
    private static final Duration CATCH_UP = Duration.ofSeconds(120);
    private static final Duration ADMIN_CALL = Duration.ofSeconds(30);
    private static final Duration READ = Duration.ofSeconds(60);

    private final List<TcpProxy> proxies;
    private final EmbeddedKafkaBroker broker;
    private final Admin admin;
    private final long startedAtNanos = System.nanoTime();

    private FaultCluster(List<TcpProxy> proxies, EmbeddedKafkaBroker broker) {
        this.proxies = proxies;
        this.broker = broker;
        this.admin = Admin.create(adminProperties(IntStream.range(0, NODES)
                .mapToObj(broker::bootstrapServer).collect(Collectors.joining(","))));
    }

    /** Starts the proxies, then the brokers behind them (data under {@code target/kafka-faults-<random>}). */
    public static FaultCluster start() {
        List<TcpProxy> proxies = new ArrayList<>();
        try {
            for (int node = 0; node < NODES; node++) {
                proxies.add(TcpProxy.listening("node-" + node));
            }
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                    .dataDir(Path.of(System.getProperty("basedir", "."), "target",
                            "kafka-faults-" + UUID.randomUUID().toString().substring(0, 8)))
                    .brokers(NODES)
                    .autoCreateTopics(false)
                    .clientListeners(proxies.stream().map(TcpProxy::address).toList())
                    .startupTimeout(STARTUP)
                    // Three brokers share two cores with the producers under test, and every restart is a cold
                    // JVM: C1 alone and one GC thread start a broker in about half the CPU time, and the
                    // scenarios' load (a few thousand records/s per producer) needs no more.
                    .jvmOptions(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))
                    // Leadership moves only when a scenario moves it: a periodic rebalance in the middle of
                    // another scenario would be a second, unplanned fault.
                    .serverProperty("auto.leader.rebalance.enable", "false")
                    .serverProperty("min.insync.replicas", Integer.toString(MIN_IN_SYNC_REPLICAS))
                    .serverProperty("offsets.topic.num.partitions", "3")
                    .serverProperty("transaction.state.log.num.partitions", "3")
                    .start();
            for (int node = 0; node < NODES; node++) {
                proxies.get(node).forwardTo(broker.clientListenerPort(node));
            }
            return new FaultCluster(proxies, broker);
        } catch (RuntimeException e) {
            proxies.forEach(TcpProxy::close);
            throw e;
        }
    }

    /** The three proxies, for {@code bootstrap.servers} of the producers under test. */
    public String producerBootstrapServers() {
        return proxies.stream().map(TcpProxy::address).collect(Collectors.joining(","));
    }

    /** {@code [[0,1,2],[1,2,0],[2,0,1],...]}: every node leads as many partitions, every partition on every node. */
    public static List<List<Integer>> rotatingReplicas(int firstPartition, int partitions) {
        List<List<Integer>> replicas = new ArrayList<>();
        for (int p = firstPartition; p < firstPartition + partitions; p++) {
            int first = p % NODES;
            replicas.add(List.of(first, (first + 1) % NODES, (first + 2) % NODES));
        }
        return replicas;
    }

    /**
     * Creates topics with the same replica assignment, so one fault hits each of them the same way, and
     * waits until every partition is led by its preferred replica, fully in sync and serving.
     */
    public void createTopics(Collection<String> topics, List<List<Integer>> replicas) {
        Map<Integer, List<Integer>> assignment = new HashMap<>();
        for (int p = 0; p < replicas.size(); p++) {
            assignment.put(p, nodeIds(replicas.get(p)));
        }
        List<NewTopic> newTopics = topics.stream()
                .map(topic -> new NewTopic(topic, assignment)
                        .configs(Map.of("min.insync.replicas", Integer.toString(MIN_IN_SYNC_REPLICAS))))
                .toList();
        get(admin.createTopics(newTopics).all(), "create " + topics);
        Await.until("preferred leaders, full ISR and serving for " + topics, STARTUP, () ->
                describe(topics).values().stream().allMatch(FaultCluster::ledByPreferredInFullSync)
                        && serving(topics));
    }

    /** The index of the node leading {@code partition} of {@code topic} now; fails if it has no leader. */
    public int leaderOf(String topic, int partition) {
        Node leader = describe(List.of(topic)).get(topic).partitions().get(partition).leader();
        if (leader == null || leader.isEmpty()) {
            throw new IllegalStateException(topic + "-" + partition + " has no leader");
        }
        return indexOf(leader.id());
    }

    /** Kills node {@code node} with SIGKILL: no controlled shutdown, its leaderships stay until the controller notices. */
    public void kill(int node) {
        step("kill node " + node, () -> broker.killBroker(node));
    }

    /** Stops node {@code node} cleanly: a controlled shutdown hands its leaderships over first. */
    public void stop(int node) {
        step("stop node " + node, () -> broker.stopBroker(node));
    }

    /** Restarts a stopped or killed node on the same ports and data; returns once it serves clients. */
    public void start(int node) {
        step("start node " + node, () -> broker.startBroker(node));
    }

    /** Kills every node at once: the whole cluster is gone. */
    public void killAll() {
        step("kill every node", () -> IntStream.range(0, NODES).forEach(broker::killBroker));
    }

    /** Starts every node that is not running, together (a node alone is no quorum), and waits until all serve. */
    public void startAll() {
        List<Integer> down = IntStream.range(0, NODES).filter(node -> !broker.isRunning(node)).boxed().toList();
        if (!down.isEmpty()) {
            step("start nodes " + down, () -> broker.startBrokers(down));
        }
    }

    public boolean isRunning(int node) {
        return broker.isRunning(node);
    }

    /** Cuts the producers' connections to node {@code node}; replication and the harness keep theirs. */
    public void cut(int node, TcpProxy.Cut how) {
        step("cut node " + node + " (" + how + ")", () -> proxies.get(node).cut(how));
    }

    /** Makes node {@code node} answer the producers {@code latency} late. */
    public void delay(int node, Duration latency) {
        step("delay node " + node + " by " + latency, () -> proxies.get(node).delay(latency));
    }

    /** Ends any cut or delay of node {@code node}'s connections. */
    public void restore(int node) {
        proxies.get(node).restore();
    }

    /** The proxy in front of node {@code node}, to check what went through it. */
    public TcpProxy proxy(int node) {
        return proxies.get(node);
    }

    /**
     * Reorders the replicas of the topics' partitions (same nodes, so no data moves): the first becomes the
     * preferred leader, which takes over at the next preferred-leader election.
     */
    public void reorderReplicas(Collection<String> topics, List<List<Integer>> replicas) {
        Map<TopicPartition, Optional<NewPartitionReassignment>> reassignments = new HashMap<>();
        for (String topic : topics) {
            for (int p = 0; p < replicas.size(); p++) {
                reassignments.put(new TopicPartition(topic, p),
                        Optional.of(new NewPartitionReassignment(nodeIds(replicas.get(p)))));
            }
        }
        step("reorder replicas", () -> {
            get(admin.alterPartitionReassignments(reassignments).all(), "reorder replicas of " + topics);
            Await.until("replicas of " + topics + " reordered", STARTUP, () -> get(admin
                    .listPartitionReassignments(reassignments.keySet()).reassignments(), "list reassignments").isEmpty()
                    && hasReplicas(topics, replicas));
        });
    }

    /** Asks the controller to move every partition of the topics to its preferred leader. */
    public void electPreferredLeaders(Collection<String> topics) {
        Set<TopicPartition> partitions = describe(topics).values().stream()
                .flatMap(description -> description.partitions().stream()
                        .map(info -> new TopicPartition(description.name(), info.partition())))
                .collect(Collectors.toSet());
        note("elect preferred leaders");
        Map<TopicPartition, Optional<Throwable>> results =
                get(admin.electLeaders(ElectionType.PREFERRED, partitions).partitions(), "elect preferred leaders");
        results.forEach((partition, error) -> error
                .filter(e -> !(e instanceof ElectionNotNeededException))
                .ifPresent(e -> {
                    throw new IllegalStateException("preferred leader election of " + partition + " failed", e);
                }));
    }

    /** Adds partitions with the given replicas to each topic and waits until they are led, in sync and serving. */
    public void addPartitions(Collection<String> topics, List<List<Integer>> newPartitionReplicas) {
        Map<String, NewPartitions> increases = new HashMap<>();
        Map<String, TopicDescription> before = describe(topics);
        for (String topic : topics) {
            int total = before.get(topic).partitions().size() + newPartitionReplicas.size();
            increases.put(topic, NewPartitions.increaseTo(total,
                    newPartitionReplicas.stream().map(FaultCluster::nodeIds).toList()));
        }
        step("add " + newPartitionReplicas.size() + " partitions", () -> {
            get(admin.createPartitions(increases).all(), "add partitions to " + topics);
            Await.until("added partitions of " + topics + " led, in sync and serving", STARTUP,
                    () -> addedPartitionsReady(before, newPartitionReplicas.size()) && serving(topics));
        });
    }

    /** Waits until every partition of the topics has a leader and all its replicas in sync. */
    public void awaitFullIsr(Collection<String> topics) {
        step("await full ISR", () -> Await.until("every replica of " + topics + " in sync", CATCH_UP, () ->
                describe(topics).values().stream().flatMap(description -> description.partitions().stream())
                        .allMatch(info -> info.leader() != null && !info.leader().isEmpty()
                                && info.isr().size() == info.replicas().size())));
    }

    /** Ends every cut and delay and starts every node that is down: the state each scenario starts from. */
    public void heal() {
        for (int node = 0; node < NODES; node++) {
            restore(node);
        }
        startAll();
    }

    /** Every record of {@code topic}, read with Kafka's consumer over the brokers' own listener. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        return LogReader.readToEnd(broker.bootstrapServers(), topic, READ);
    }

    /** What a {@code read_committed} reader reads of {@code topic}: committed transactions only. */
    public List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
        return LogReader.readToEnd(broker.bootstrapServers(), topic, READ, IsolationLevel.READ_COMMITTED);
    }

    /**
     * Sets the cluster's finalized {@code transaction.version} (2: transactions v2, KIP-890; 1: the protocol Kafka
     * 3.x brokers speak); returns the level it had.
     */
    public short transactionVersion(short level) {
        Map<String, FinalizedVersionRange> features = get(admin.describeFeatures().featureMetadata(),
                "describe features").finalizedFeatures();
        FinalizedVersionRange current = features.get("transaction.version");
        short before = current == null ? 0 : current.maxVersionLevel();
        if (before != level) {
            FeatureUpdate.UpgradeType type = level < before ? FeatureUpdate.UpgradeType.SAFE_DOWNGRADE
                    : FeatureUpdate.UpgradeType.UPGRADE;
            get(admin.updateFeatures(Map.of("transaction.version", new FeatureUpdate(level, type)),
                    new UpdateFeaturesOptions()).all(), "set transaction.version to " + level);
        }
        return before;
    }

    public void deleteTopics(Collection<String> topics) {
        get(admin.deleteTopics(topics).all(), "delete " + topics);
    }

    /** The last lines of every broker's log, for a failure message. */
    public String logTails() {
        return broker.logTails();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        broker.close();
        proxies.forEach(TcpProxy::close);
    }

    private boolean hasReplicas(Collection<String> topics, List<List<Integer>> replicas) {
        return describe(topics).values().stream().allMatch(description -> IntStream.range(0, replicas.size())
                .allMatch(p -> description.partitions().get(p).replicas().stream().map(Node::id).toList()
                        .equals(nodeIds(replicas.get(p)))));
    }

    private boolean addedPartitionsReady(Map<String, TopicDescription> before, int added) {
        return describe(before.keySet()).values().stream().allMatch(description -> {
            List<TopicPartitionInfo> partitions = description.partitions();
            int oldCount = before.get(description.name()).partitions().size();
            return partitions.size() == oldCount + added && partitions.subList(oldCount, partitions.size()).stream()
                    .allMatch(FaultCluster::ledByPreferredInFullSync);
        });
    }

    /** Runs a fault or a wait, noting on stdout when it began and how long it took: the scenario's timeline. */
    private void step(String what, Runnable action) {
        long beganNanos = System.nanoTime();
        note(what);
        action.run();
        note(what + ": done in " + String.format("%.1f s", (System.nanoTime() - beganNanos) / 1e9));
    }

    private void note(String what) {
        System.out.printf("[fault-cluster +%.1f s] %s%n", (System.nanoTime() - startedAtNanos) / 1e9, what);
    }

    private Map<String, TopicDescription> describe(Collection<String> topics) {
        return get(admin.describeTopics(topics).allTopicNames(), "describe " + topics);
    }

    /** A partition's leader answers ListOffsets only once the partition is online there. */
    private boolean serving(Collection<String> topics) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        describe(topics).values().forEach(description -> description.partitions().forEach(info ->
                latest.put(new TopicPartition(description.name(), info.partition()), OffsetSpec.latest())));
        return get(admin.listOffsets(latest).all(), "list offsets of " + topics).size() == latest.size();
    }

    private static boolean ledByPreferredInFullSync(TopicDescription description) {
        return description.partitions().stream().allMatch(FaultCluster::ledByPreferredInFullSync);
    }

    private static boolean ledByPreferredInFullSync(TopicPartitionInfo info) {
        return info.leader() != null && !info.leader().isEmpty() && info.leader().id() == info.replicas().get(0).id()
                && info.isr().size() == info.replicas().size();
    }

    private int indexOf(int nodeId) {
        for (int node = 0; node < NODES; node++) {
            if (broker.nodeId(node) == nodeId) {
                return node;
            }
        }
        throw new IllegalStateException("no node with id " + nodeId);
    }

    /** Kafka's node ids of node indexes; EmbeddedKafkaBroker numbers nodes from 1. */
    private static List<Integer> nodeIds(List<Integer> nodeIndexes) {
        return nodeIndexes.stream().map(index -> index + 1).toList();
    }

    private static <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(ADMIN_CALL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(what + " timed out after " + ADMIN_CALL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        }
    }

    private static Properties adminProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, "odradek-fault-cluster-admin");
        props.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        props.setProperty(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return props;
    }
}
