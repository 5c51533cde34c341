package io.odradek.tools.broker;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Builds the {@code server.properties} of one node of a cluster in which every node is both broker and
 * controller (KRaft combined mode). A static voter set ({@code controller.quorum.voters}) works the same
 * on Kafka 3.9 and 4.x and needs no {@code --standalone}/{@code --initial-controllers} when formatting.
 *
 * <p>By default clients and brokers share one listener ({@code PLAINTEXT}). With a {@link ClientListener},
 * brokers replicate over {@code INTERNAL} (advertised directly) and clients are told to use {@code EXTERNAL}
 * (advertised at the client listener's address), so what happens to a client's connections does not touch
 * replication.
 */
final class ServerProperties {

    private ServerProperties() {
    }

    static Properties forNode(NodeAddress node, List<NodeAddress> cluster, String logDirs, int numPartitions,
                              boolean autoCreateTopics, Map<String, String> extra) {
        return forNode(node, cluster, logDirs, numPartitions, autoCreateTopics, Optional.empty(), extra);
    }

    static Properties forNode(NodeAddress node, List<NodeAddress> cluster, String logDirs, int numPartitions,
                              boolean autoCreateTopics, Optional<ClientListener> clientListener,
                              Map<String, String> extra) {
        int nodes = cluster.size();
        // Internal topics need a replication factor the cluster can satisfy; with three or more nodes keep
        // Kafka's defaults (RF 3, min ISR 2) so fault tests see realistic durability rules.
        String internalReplicationFactor = Integer.toString(Math.min(3, nodes));
        String internalMinIsr = Integer.toString(Math.min(2, nodes));

        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", Integer.toString(node.nodeId()));
        props.setProperty("controller.quorum.voters",
                cluster.stream().map(NodeAddress::voter).collect(Collectors.joining(",")));
        props.setProperty("controller.listener.names", "CONTROLLER");
        clientListener.ifPresentOrElse(external -> splitListeners(props, node, external),
                () -> sharedListener(props, node));
        props.setProperty("log.dirs", logDirs);
        props.setProperty("num.partitions", Integer.toString(numPartitions));
        props.setProperty("auto.create.topics.enable", Boolean.toString(autoCreateTopics));
        props.setProperty("default.replication.factor", internalReplicationFactor);
        props.setProperty("offsets.topic.replication.factor", internalReplicationFactor);
        props.setProperty("transaction.state.log.replication.factor", internalReplicationFactor);
        props.setProperty("transaction.state.log.min.isr", internalMinIsr);
        props.setProperty("share.coordinator.state.topic.replication.factor", internalReplicationFactor);
        props.setProperty("share.coordinator.state.topic.min.isr", internalMinIsr);
        // A consumer group in a test should not wait three seconds for more members that never come.
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        extra.forEach(props::setProperty);
        return props;
    }

    private static void sharedListener(Properties props, NodeAddress node) {
        props.setProperty("listeners", "PLAINTEXT://" + NodeAddress.HOST + ":" + node.brokerPort()
                + ",CONTROLLER://" + NodeAddress.HOST + ":" + node.controllerPort());
        props.setProperty("advertised.listeners", "PLAINTEXT://" + node.bootstrapServer());
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    }

    private static void splitListeners(Properties props, NodeAddress node, ClientListener external) {
        String externalName = ClientListener.NAME;
        props.setProperty("listeners", "INTERNAL://" + NodeAddress.HOST + ":" + node.brokerPort()
                + "," + externalName + "://" + NodeAddress.HOST + ":" + external.port()
                + ",CONTROLLER://" + NodeAddress.HOST + ":" + node.controllerPort());
        props.setProperty("advertised.listeners", "INTERNAL://" + node.bootstrapServer()
                + "," + externalName + "://" + external.advertisedAddress());
        props.setProperty("inter.broker.listener.name", "INTERNAL");
        props.setProperty("listener.security.protocol.map",
                "INTERNAL:PLAINTEXT," + externalName + ":PLAINTEXT,CONTROLLER:PLAINTEXT");
    }
}
