package io.odradek.domain.metrics;

import java.util.HashMap;
import java.util.Map;

import io.odradek.api.metrics.MetricName;

/**
 * Requests, responses, bytes and connections, overall in {@code producer-metrics} and per broker in
 * {@code producer-node-metrics}, as Kafka's network client counts them. Recorded on the I/O thread as each request
 * is handed to the transport and each response arrives; bytes are whole frames, size prefix included.
 */
public final class NetworkMetrics {
    private final MetricRegistry registry;
    private final MetricNames names;
    private final Sensor requests;
    private final Sensor responses;
    private final Sensor latency;
    private final Sensor connectionsCreated;
    private final Sensor connectionsClosed;
    /** Written by the I/O thread only; volatile for the readers of the gauges. */
    private volatile int requestsInFlight;
    private volatile int connectionCount;
    /** I/O thread only. */
    private final Map<Integer, NodeSensors> nodes = new HashMap<>();

    public NetworkMetrics(MetricRegistry registry, MetricNames names) {
        this.registry = registry;
        this.names = names;
        requests = requestSensor(names::producer, "sent to all servers");
        responses = responseSensor(names::producer);
        latency = registry.sensor()
                .avg(names.producer("request-latency-avg", "The average request latency in ms"))
                .max(names.producer("request-latency-max", "The maximum request latency in ms"));
        connectionsCreated = registry.sensor()
                .countRate(names.producer("connection-creation-rate", "The number of new connections established per"
                        + " second"))
                .count(names.producer("connection-creation-total", "The total number of new connections established"));
        connectionsClosed = registry.sensor()
                .countRate(names.producer("connection-close-rate", "The number of connections closed per second"))
                .count(names.producer("connection-close-total", "The total number of connections closed"));
        registry.gauge(names.producer("requests-in-flight",
                "The current number of in-flight requests awaiting a response."), () -> requestsInFlight);
        registry.gauge(names.producer("connection-count", "The current number of active connections."),
                () -> connectionCount);
    }

    /** A request of {@code sizeBytes} went to the transport for node {@code nodeId}. */
    public void requestSent(int nodeId, long sizeBytes, boolean expectsResponse, long nowMs) {
        requests.record(sizeBytes, nowMs);
        node(nodeId).requests.record(sizeBytes, nowMs);
        if (expectsResponse) {
            requestsInFlight++;
        }
    }

    /** A response of {@code sizeBytes} came from node {@code nodeId}, {@code latencyMs} after its request. */
    public void responseReceived(int nodeId, long sizeBytes, double latencyMs, long nowMs) {
        requestsInFlight--;
        responses.record(sizeBytes, nowMs);
        latency.record(latencyMs, nowMs);
        NodeSensors node = node(nodeId);
        node.responses.record(sizeBytes, nowMs);
        node.latency.record(latencyMs, nowMs);
    }

    /** Requests that will never be answered: their connection broke, or the producer gave up on them. */
    public void requestsAbandoned(int count) {
        requestsInFlight -= count;
    }

    /** A connection was established (the TCP handshake done). */
    public void connectionCreated(long nowMs) {
        connectionCount++;
        connectionsCreated.record(nowMs);
    }

    /** An established connection was closed, by us or by the other side. */
    public void connectionClosed(long nowMs) {
        connectionCount--;
        connectionsClosed.record(nowMs);
    }

    private Sensor requestSensor(Namer namer, String to) {
        return registry.sensor()
                .countRate(namer.name("request-rate", "The number of requests sent per second"))
                .count(namer.name("request-total", "The total number of requests sent"))
                .avg(namer.name("request-size-avg", "The average size of requests sent."))
                .max(namer.name("request-size-max", "The maximum size of any request sent."))
                .sumRate(namer.name("outgoing-byte-rate", "The number of outgoing bytes " + to + " per second"))
                .total(namer.name("outgoing-byte-total", "The total number of outgoing bytes " + to));
    }

    private Sensor responseSensor(Namer namer) {
        return registry.sensor()
                .countRate(namer.name("response-rate", "The number of responses received per second"))
                .count(namer.name("response-total", "The total number of responses received"))
                .sumRate(namer.name("incoming-byte-rate", "The number of bytes read off all sockets per second"))
                .total(namer.name("incoming-byte-total", "The total number of bytes read off all sockets"));
    }

    private NodeSensors node(int nodeId) {
        NodeSensors sensors = nodes.get(nodeId);
        if (sensors == null) {
            sensors = new NodeSensors(nodeId);
            nodes.put(nodeId, sensors);
        }
        return sensors;
    }

    @FunctionalInterface
    private interface Namer {
        MetricName name(String name, String description);
    }

    private final class NodeSensors {
        final Sensor requests;
        final Sensor responses;
        final Sensor latency;

        NodeSensors(int nodeId) {
            requests = requestSensor((name, description) -> names.node(nodeId, name, description), "sent to the node");
            responses = responseSensor((name, description) -> names.node(nodeId, name, description));
            latency = registry.sensor()
                    .avg(names.node(nodeId, "request-latency-avg", "The average request latency in ms"))
                    .max(names.node(nodeId, "request-latency-max", "The maximum request latency in ms"));
        }
    }
}
