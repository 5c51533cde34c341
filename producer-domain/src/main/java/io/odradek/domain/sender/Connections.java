package io.odradek.domain.sender;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import io.odradek.domain.metadata.ClusterView;
import io.odradek.domain.metrics.NetworkMetrics;
import io.odradek.domain.metadata.Node;
import io.odradek.domain.port.Transport;

/**
 * The sender's connections: one per broker, plus the bootstrap addresses until metadata names the
 * brokers. Opens connections on demand and respects each one's reconnect backoff. I/O thread only.
 */
final class Connections {
    private final Transport transport;
    private final SenderSettings settings;
    private final RandomGenerator random;
    private final NetworkMetrics metrics;
    private final Map<Integer, NodeConnection> byNodeId = new HashMap<>();
    private final Map<Integer, NodeConnection> byConnectionId = new HashMap<>();
    private final List<NodeConnection> bootstrap = new ArrayList<>();
    private int nextConnectionId = 1;
    private int bootstrapCursor;
    private long wantedReconnectNs = Long.MAX_VALUE;

    Connections(Transport transport, SenderSettings settings, RandomGenerator random, NetworkMetrics metrics) {
        this.transport = transport;
        this.settings = settings;
        this.random = random;
        this.metrics = metrics;
        for (Node node : settings.bootstrapNodes()) {
            bootstrap.add(new NodeConnection(node));
        }
    }

    Transport transport() {
        return transport;
    }

    NodeConnection byConnectionId(int connectionId) {
        return byConnectionId.get(connectionId);
    }

    /** The connection to a broker named by metadata, opening it if it is down and not backing off. */
    NodeConnection forNode(int nodeId, ClusterView view, long nowNs) {
        NodeConnection connection = byNodeId.get(nodeId);
        if (connection == null) {
            Node node = view.node(nodeId);
            if (node == null) {
                return null;
            }
            connection = new NodeConnection(node);
            byNodeId.put(nodeId, connection);
        }
        maybeConnect(connection, nowNs);
        return connection;
    }

    /** The connection to a broker known by its address (a coordinator), opening it if it is down and not backing off. */
    NodeConnection forAddress(Node node, long nowNs) {
        NodeConnection connection = byNodeId.get(node.id());
        if (connection == null) {
            connection = new NodeConnection(node);
            byNodeId.put(node.id(), connection);
        }
        maybeConnect(connection, nowNs);
        return connection;
    }

    /**
     * A ready connection for a control request (metadata, producer id), the least busy one; when none is
     * ready, starts connecting to a known broker or the next bootstrap address and returns null.
     */
    NodeConnection anyReady(ClusterView view, long nowNs) {
        NodeConnection best = null;
        for (NodeConnection connection : all()) {
            if (connection.canSend(nowNs)
                    && (best == null || connection.inFlight().size() < best.inFlight().size())) {
                best = connection;
            }
        }
        if (best != null) {
            return best;
        }
        if (anyConnecting()) {
            return null;
        }
        for (Node node : view.nodes().values()) {
            NodeConnection connection = forNode(node.id(), view, nowNs);
            if (connection.state() != NodeConnection.State.DISCONNECTED) {
                return null;
            }
        }
        for (int i = 0; i < bootstrap.size(); i++) {
            NodeConnection candidate = bootstrap.get(bootstrapCursor++ % bootstrap.size());
            if (maybeConnect(candidate, nowNs)) {
                return null;
            }
        }
        return null;
    }

    private boolean anyConnecting() {
        for (NodeConnection connection : all()) {
            NodeConnection.State state = connection.state();
            if (state == NodeConnection.State.CONNECTING || state == NodeConnection.State.NEGOTIATING
                    || state == NodeConnection.State.AUTHENTICATING) {
                return true;
            }
        }
        return false;
    }

    private boolean maybeConnect(NodeConnection connection, long nowNs) {
        if (!connection.canConnect(nowNs)) {
            if (connection.state() == NodeConnection.State.DISCONNECTED) {
                wantedReconnectNs = Math.min(wantedReconnectNs, connection.reconnectNotBeforeNs());
            }
            return false;
        }
        int id = nextConnectionId++;
        connection.connecting(id, nowNs);
        byConnectionId.put(id, connection);
        transport.connect(id, connection.node().host(), connection.node().port());
        return true;
    }

    /** Marks a connection down (the transport reported it, or we closed it) and starts its backoff. */
    void markDisconnected(NodeConnection connection, long nowNs) {
        if (connection.isEstablished()) {
            metrics.connectionClosed(nowNs / 1_000_000L);
        }
        byConnectionId.remove(connection.connectionId());
        connection.disconnected(nowNs, settings.reconnectBackoffNs(), settings.reconnectBackoffMaxNs(),
                random.nextDouble());
    }

    /** Closes a connection ourselves (e.g. a request timed out). */
    void close(NodeConnection connection, long nowNs) {
        if (connection.connectionId() >= 0) {
            transport.disconnect(connection.connectionId());
        }
        markDisconnected(connection, nowNs);
    }

    Collection<NodeConnection> all() {
        List<NodeConnection> all = new ArrayList<>(byNodeId.size() + bootstrap.size());
        all.addAll(byNodeId.values());
        all.addAll(bootstrap);
        return all;
    }

    /** Forgets the reconnects wanted in the previous poll; each poll asks again for what it needs. */
    void beginPoll() {
        wantedReconnectNs = Long.MAX_VALUE;
    }

    /**
     * The earliest time a connection this poll wanted, but found backing off, may reconnect: the next
     * wake-up. Connections nobody asked for (an idle bootstrap address) do not count, or the sender would
     * be woken for nothing, again and again, once their backoff passed.
     */
    long earliestReconnectNs() {
        return wantedReconnectNs;
    }

    void closeAll() {
        for (NodeConnection connection : all()) {
            if (connection.connectionId() >= 0) {
                transport.disconnect(connection.connectionId());
            }
        }
    }
}
