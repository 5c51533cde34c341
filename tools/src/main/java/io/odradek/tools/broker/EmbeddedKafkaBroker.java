package io.odradek.tools.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka cluster (KRaft, every node both broker and controller) running in child JVMs on
 * free loopback ports. Used by the {@code odradek broker} command and by the integration tests.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder()
 *         .dataDir(Path.of("target/kafka"))
 *         .autoCreateTopics(false)
 *         .start()) {
 *     kafka.createTopic("orders", 3);
 *     String bootstrap = kafka.bootstrapServers(); // "127.0.0.1:41234"
 * }
 * }</pre>
 *
 * <p>The child JVMs use the caller's java binary and classpath, so Kafka's broker jars
 * ({@code org.apache.kafka:kafka_2.13}) and a log4j2 implementation must be on the caller's classpath.
 * A JVM shutdown hook kills the brokers if the caller exits without {@link #close()}. Methods are
 * synchronized: one thread at a time starts, stops or reconfigures the cluster.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    static final int LOG_TAIL_LINES = 40;

    private final Builder settings;
    private final String classpath;
    private final List<KafkaNode> nodes = new ArrayList<>();
    private final List<ClientListener> clientListeners = new ArrayList<>();
    /** The port of each extra listener ({@link Builder#listener}) on each node, by listener name. */
    private final Map<String, List<Integer>> extraListenerPorts = new LinkedHashMap<>();
    private String clusterId;
    private final NodeReadiness readiness;
    private Admin admin;
    private Thread shutdownHook;

    private EmbeddedKafkaBroker(Builder settings) {
        this.settings = settings;
        this.classpath = settings.classpath != null ? settings.classpath : ChildJvm.currentClasspath();
        this.readiness = new NodeReadiness(settings.startupTimeout, this::logTails);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Picks free ports, writes each node's configuration, formats its storage, launches the child JVMs and
     * returns once every node is registered with the cluster. On failure the nodes are stopped and the
     * exception carries the tail of their logs.
     */
    public synchronized EmbeddedKafkaBroker start() {
        if (!nodes.isEmpty()) {
            throw new IllegalStateException("already started");
        }
        try {
            createNodes();
            String nodeClasspath = ChildJvm.privateCopyOfSingleJar(classpath, settings.dataDir);
            format();
            shutdownHook = new Thread(this::killNodes, "odradek-kafka-broker-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            for (KafkaNode node : nodes) {
                node.start(nodeClasspath);
            }
            admin = Admin.create(NodeReadiness.adminProperties(nodes.stream()
                    .map(node -> node.address().bootstrapServer()).collect(Collectors.joining(","))));
            readiness.awaitRegistered(admin, nodes);
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** {@code host:port} of every running node, comma separated, for {@code bootstrap.servers}. */
    public synchronized String bootstrapServers() {
        return nodes.stream().filter(KafkaNode::isRunning)
                .map(node -> node.address().bootstrapServer())
                .collect(Collectors.joining(","));
    }

    /**
     * {@code host:port} of listener {@code name} ({@link Builder#listener}) on every running node, comma separated:
     * the {@code bootstrap.servers} of a client of that listener.
     */
    public synchronized String listenerBootstrapServers(String name) {
        List<Integer> ports = extraListenerPorts.get(name);
        if (ports == null) {
            throw new IllegalArgumentException("no listener " + name + "; the extra listeners are "
                    + extraListenerPorts.keySet());
        }
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).isRunning()) {
                addresses.add(NodeAddress.HOST + ":" + ports.get(i));
            }
        }
        return String.join(",", addresses);
    }

    /** {@code host:port} of the node at {@code index} (0-based), running or not. */
    public synchronized String bootstrapServer(int index) {
        return node(index).address().bootstrapServer();
    }

    /**
     * The port the node at {@code index} binds its client listener on, where a proxy in front of it forwards to;
     * only for a cluster built with {@link Builder#clientListeners(List)}.
     */
    public synchronized int clientListenerPort(int index) {
        node(index);
        if (clientListeners.isEmpty()) {
            throw new IllegalStateException("this cluster has no client listeners of their own;"
                    + " clients use bootstrapServers()");
        }
        return clientListeners.get(index).port();
    }

    /** Whether the node at {@code index} is running (started and neither stopped nor killed since). */
    public synchronized boolean isRunning(int index) {
        return node(index).isRunning();
    }

    /** Kafka's node id of the node at {@code index} (0-based); node ids start at 1. */
    public synchronized int nodeId(int index) {
        return node(index).address().nodeId();
    }

    public synchronized int brokerCount() {
        return nodes.size();
    }

    public synchronized String clusterId() {
        return clusterId;
    }

    public Path dataDir() {
        return settings.dataDir;
    }

    /** Creates a topic with the cluster's replication factor (up to 3) and waits until every partition has a leader. */
    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, (short) Math.min(3, brokerCount()));
    }

    public synchronized void createTopic(String name, int partitions, short replicationFactor) {
        NodeReadiness.call("create topic " + name, () -> admin.createTopics(
                List.of(new NewTopic(name, partitions, replicationFactor))).all().get(30, TimeUnit.SECONDS));
        readiness.awaitCondition("leaders for all partitions of " + name, () -> {
            TopicDescription description = admin.describeTopics(List.of(name)).allTopicNames()
                    .get(5, TimeUnit.SECONDS).get(name);
            return description.partitions().size() == partitions && description.partitions().stream()
                    .map(TopicPartitionInfo::leader).allMatch(leader -> leader != null && !leader.isEmpty());
        });
    }

    /** True if the cluster knows a topic of that name. */
    public synchronized boolean topicExists(String name) {
        return NodeReadiness.call("list topics", () -> admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(name));
    }

    /** Stops the node at {@code index} (0-based) cleanly; its data stays for {@link #startBroker(int)}. */
    public synchronized void stopBroker(int index) {
        KafkaNode node = node(index);
        node.requestStop();
        node.awaitStop(System.nanoTime() + STOP_GRACE.toNanos());
    }

    /**
     * Kills the node at {@code index} (0-based) with SIGKILL: no controlled shutdown, so its partitions stay
     * led by it until the controller notices. Its data stays for {@link #startBroker(int)}.
     */
    public synchronized void killBroker(int index) {
        node(index).kill();
    }

    /**
     * Restarts a node stopped or killed earlier on the same ports and data, and waits until it serves clients.
     */
    public synchronized void startBroker(int index) {
        startBrokers(List.of(index));
    }

    /**
     * Restarts several stopped or killed nodes at once and waits until every one serves clients. Start the
     * nodes of a cluster that is entirely down together: a node alone is no controller quorum and never
     * becomes ready.
     */
    public synchronized void startBrokers(List<Integer> indexes) {
        List<KafkaNode> starting = indexes.stream().map(this::node).toList();
        starting.forEach(node -> node.start(classpath));
        starting.forEach(readiness::awaitServing);
    }

    /** The last lines of every node's log, for diagnosing a failed test. */
    public synchronized String logTails() {
        return nodes.stream().map(node -> node.logTail(LOG_TAIL_LINES)).collect(Collectors.joining());
    }

    /** Stops every node (SIGTERM, then SIGKILL after a grace period). Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
        stopNodes(STOP_GRACE);
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or will run; it only kills what is still alive
            }
            shutdownHook = null;
        }
    }

    private void killNodes() {
        stopNodes(Duration.ofSeconds(5));
    }

    private void stopNodes(Duration grace) {
        long deadlineNanos = System.nanoTime() + grace.toNanos();
        List<KafkaNode> snapshot = List.copyOf(nodes);
        snapshot.forEach(KafkaNode::requestStop);
        snapshot.forEach(node -> node.awaitStop(deadlineNanos));
    }

    private void createNodes() {
        int count = settings.brokers;
        boolean ownClientListeners = !settings.advertisedClientAddresses.isEmpty();
        int fixedPorts = ownClientListeners ? 3 : 2;
        int portsPerNode = fixedPorts + settings.extraListeners.size();
        List<Integer> ports = FreePorts.allocate(portsPerNode * count);
        if (settings.firstBrokerPort > 0) {
            ports.set(0, settings.firstBrokerPort);
        }
        List<NodeAddress> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            addresses.add(new NodeAddress(i + 1, ports.get(portsPerNode * i), ports.get(portsPerNode * i + 1)));
            if (ownClientListeners) {
                clientListeners.add(new ClientListener(ports.get(portsPerNode * i + 2),
                        settings.advertisedClientAddresses.get(i)));
            }
            int extra = fixedPorts;
            for (String name : settings.extraListeners.keySet()) {
                extraListenerPorts.computeIfAbsent(name, key -> new ArrayList<>()).add(ports.get(portsPerNode * i + extra++));
            }
        }
        for (int i = 0; i < count; i++) {
            NodeAddress address = addresses.get(i);
            KafkaNode node = new KafkaNode(address, settings.dataDir.resolve("node-" + address.nodeId()),
                    settings.jvmOptions);
            Optional<ClientListener> clientListener = ownClientListeners
                    ? Optional.of(clientListeners.get(i)) : Optional.empty();
            Properties props = ServerProperties.forNode(address, addresses, node.logDir().toString(),
                    settings.numPartitions, settings.autoCreateTopics, clientListener, settings.serverProperties);
            addExtraListeners(props, i);
            node.writeConfig(props);
            nodes.add(node);
        }
    }

    /** Adds the extra listeners to the node's listeners, advertised listeners and security protocol map. */
    private void addExtraListeners(Properties props, int index) {
        settings.extraListeners.forEach((name, protocol) -> {
            String address = NodeAddress.HOST + ":" + extraListenerPorts.get(name).get(index);
            props.setProperty("listeners", props.getProperty("listeners") + "," + name + "://" + address);
            props.setProperty("advertised.listeners", props.getProperty("advertised.listeners") + "," + name + "://"
                    + address);
            props.setProperty("listener.security.protocol.map", props.getProperty("listener.security.protocol.map")
                    + "," + name + ":" + protocol);
        });
    }

    /** Formats all nodes in parallel: each format is a short JVM run of a few seconds. */
    private void format() {
        clusterId = Uuid.randomUuid().toString();
        Map<KafkaNode, Process> formats = new LinkedHashMap<>();
        for (KafkaNode node : nodes) {
            if (node.isFormatted()) {
                throw new IllegalStateException("data directory " + node.dir() + " is already formatted;"
                        + " give each cluster a fresh data directory");
            }
            formats.put(node, node.startFormat(classpath, clusterId, settings.formatArguments));
        }
        formats.forEach((node, process) -> node.awaitFormat(process, FORMAT_TIMEOUT));
    }

    private KafkaNode node(int index) {
        if (index < 0 || index >= nodes.size()) {
            throw new IndexOutOfBoundsException("no node " + index + " in a cluster of " + nodes.size());
        }
        return nodes.get(index);
    }

    /** Settings of an {@link EmbeddedKafkaBroker}; only {@link #dataDir(Path)} is required. */
    public static final class Builder {
        private Path dataDir;
        private int brokers = 1;
        private int numPartitions = 1;
        private boolean autoCreateTopics = true;
        private int firstBrokerPort;
        private final Map<String, String> serverProperties = new LinkedHashMap<>();
        private Duration startupTimeout = Duration.ofSeconds(60);
        private String classpath;
        private List<String> jvmOptions = List.of("-Xmx768m", "-XX:+UseG1GC");
        private List<String> advertisedClientAddresses = List.of();
        private final Map<String, String> extraListeners = new LinkedHashMap<>();
        private final List<String> formatArguments = new ArrayList<>();

        private Builder() {
        }

        /**
         * One more listener on every node, on a free port, named {@code name} and speaking {@code securityProtocol}
         * ({@code SSL}, {@code SASL_PLAINTEXT}, {@code SASL_SSL}, ...); configure it with {@link #serverProperty}
         * ({@code listener.name.<name>.*}). Brokers keep replicating over {@code PLAINTEXT}. Its clients use
         * {@link EmbeddedKafkaBroker#listenerBootstrapServers(String)}.
         */
        public Builder listener(String name, String securityProtocol) {
            extraListeners.put(name, securityProtocol);
            return this;
        }

        /** Extra arguments of {@code StorageTool format}, e.g. {@code --add-scram 'SCRAM-SHA-256=[name=alice,password=...]'}. */
        public Builder formatArguments(String... arguments) {
            formatArguments.addAll(List.of(arguments));
            return this;
        }

        /** A directory of its own for this cluster; each node gets {@code node-<id>} inside it. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir.toAbsolutePath();
            return this;
        }

        /** Number of nodes (each broker and controller; a quorum of all of them). Default 1. */
        public Builder brokers(int brokers) {
            if (brokers < 1) {
                throw new IllegalArgumentException("brokers must be at least 1: " + brokers);
            }
            this.brokers = brokers;
            return this;
        }

        /** The broker's {@code num.partitions} for auto-created topics. Default 1. */
        public Builder numPartitions(int numPartitions) {
            if (numPartitions < 1) {
                throw new IllegalArgumentException("numPartitions must be at least 1: " + numPartitions);
            }
            this.numPartitions = numPartitions;
            return this;
        }

        /** {@code auto.create.topics.enable}. Default true, like Kafka; tests turn it off. */
        public Builder autoCreateTopics(boolean autoCreateTopics) {
            this.autoCreateTopics = autoCreateTopics;
            return this;
        }

        /** A fixed client port for the first node instead of a free one (0, the default, picks one). */
        public Builder firstBrokerPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.firstBrokerPort = port;
            return this;
        }

        /**
         * Gives clients a listener of their own on every node, advertised at the given {@code host:port} (one
         * per node, in node order), typically a proxy that forwards to
         * {@link EmbeddedKafkaBroker#clientListenerPort(int)}. Brokers keep replicating over the listener
         * {@link EmbeddedKafkaBroker#bootstrapServers()} names, which clients may use too. Default: none, one
         * listener for clients and brokers alike.
         */
        public Builder clientListeners(List<String> advertisedAddresses) {
            this.advertisedClientAddresses = List.copyOf(advertisedAddresses);
            return this;
        }

        /** An extra {@code server.properties} entry for every node; overrides the defaults. */
        public Builder serverProperty(String name, String value) {
            serverProperties.put(name, value);
            return this;
        }

        /** How long {@link #start()} and topic creation wait for the cluster. Default 60 seconds. */
        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
            return this;
        }

        /** The child JVMs' classpath; default: this JVM's classpath, with manifest-only jars expanded. */
        public Builder classpath(String classpath) {
            this.classpath = classpath;
            return this;
        }

        /** JVM options of each broker JVM. Default {@code -Xmx768m -XX:+UseG1GC}. */
        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = List.copyOf(jvmOptions);
            return this;
        }

        public EmbeddedKafkaBroker build() {
            if (dataDir == null) {
                throw new IllegalStateException("dataDir is required");
            }
            if (!advertisedClientAddresses.isEmpty() && advertisedClientAddresses.size() != brokers) {
                throw new IllegalStateException("clientListeners needs one address per broker: "
                        + advertisedClientAddresses.size() + " for " + brokers + " brokers");
            }
            return new EmbeddedKafkaBroker(this);
        }

        /** Builds and {@linkplain EmbeddedKafkaBroker#start() starts} the cluster. */
        public EmbeddedKafkaBroker start() {
            return build().start();
        }
    }

    /** An admin call to the cluster failed; the cause is Kafka's exception. */
    public static final class KafkaCallException extends RuntimeException {
        KafkaCallException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
