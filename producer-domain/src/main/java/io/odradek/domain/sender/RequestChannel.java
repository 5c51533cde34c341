package io.odradek.domain.sender;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import io.odradek.api.FatalProducerException;
import io.odradek.api.security.SaslSettings;
import io.odradek.domain.log.ProducerLog;
import io.odradek.domain.metadata.Metadata;
import io.odradek.domain.metadata.Node;
import io.odradek.domain.metrics.NetworkMetrics;
import io.odradek.domain.port.Transport;
import io.odradek.domain.port.WireProtocol;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.ApiVersionsRequest;
import io.odradek.domain.protocol.ApiVersionsResponse;
import io.odradek.domain.protocol.KafkaError;
import io.odradek.domain.protocol.ProtocolException;
import io.odradek.domain.protocol.Request;
import io.odradek.domain.protocol.RequestHeader;
import io.odradek.domain.protocol.Response;
import io.odradek.domain.protocol.VersionRange;
import io.odradek.domain.security.SaslMechanisms;

/**
 * How exchanges talk to brokers: it opens connections (to any broker, or to a given node), negotiates each one's
 * API versions before it is ready, encodes and sends requests, and hands every answer (or the lack of one: a broken
 * connection, a timed-out request) to the handler that sent the request. I/O thread only.
 */
final class RequestChannel {
    private static final String SOFTWARE_NAME = "odradek";
    private static final String SOFTWARE_VERSION = "0.1.0";
    /** A broker that speaks neither of these in our ranges cannot be produced to at all. */
    private static final List<ApiKey> REQUIRED_APIS = List.of(ApiKey.PRODUCE, ApiKey.METADATA);

    private final ProducerLog log;
    private final SenderSettings settings;
    private final WireProtocol protocol;
    private final Metadata metadata;
    private final RandomGenerator random;
    private final NetworkMetrics metrics;
    private final ConnectionAuthentication authentication;
    private Connections connections;
    private int nextCorrelationId;
    /** Highest versions some APIs may use though the broker speaks more (a transactions v1 producer's). */
    private Map<ApiKey, Short> versionCaps = Map.of();
    /** The cluster's finalized features, as the broker that knew the newest of them said (by their epoch). */
    private Map<String, Short> finalizedFeatures = Map.of();
    private long finalizedFeaturesEpoch = -1;

    RequestChannel(SenderSettings settings, WireProtocol protocol, Metadata metadata, RandomGenerator random,
                   NetworkMetrics metrics) {
        this.settings = settings;
        this.protocol = protocol;
        this.metadata = metadata;
        this.random = random;
        this.metrics = metrics;
        this.log = settings.log().logger(RequestChannel.class);
        this.authentication = settings.sasl().map(sasl -> saslAuthentication(sasl, random, settings))
                .orElse(ConnectionAuthentication.NONE);
    }

    private static ConnectionAuthentication saslAuthentication(SaslSettings sasl, RandomGenerator random,
                                                               SenderSettings settings) {
        return new SaslAuthentication(sasl.mechanism(), SaslMechanisms.conversations(sasl), random,
                settings.log().logger(SaslAuthentication.class));
    }

    void attach(Transport transport) {
        this.connections = new Connections(transport, settings, random, metrics);
    }

    // ---- for exchanges ----

    /**
     * A ready connection for a request any broker can answer (metadata, a producer id), the least busy; null when
     * none is ready, after starting to connect to a known broker or the next bootstrap address.
     */
    NodeConnection anyReady(long nowNs) {
        return connections.anyReady(metadata.view(), nowNs);
    }

    /**
     * The connection to a broker the metadata names, opening it if it is down and not backing off; null if the
     * metadata does not list the node (then it asks for fresh metadata). It may not be ready yet.
     */
    NodeConnection toNode(int nodeId, long nowNs) {
        NodeConnection connection = connections.forNode(nodeId, metadata.view(), nowNs);
        if (connection == null) {
            metadata.requestUpdate();
        }
        return connection;
    }

    /**
     * The connection to a broker named by address (a coordinator FindCoordinator found), opening it if needed; it
     * may not be ready yet.
     */
    NodeConnection toAddress(Node node, long nowNs) {
        return connections.forAddress(node, nowNs);
    }

    /** The finalized level of a cluster feature (e.g. {@code transaction.version}), or -1 if unknown or none. */
    short finalizedFeature(String name) {
        Short level = finalizedFeatures.get(name);
        return level == null ? -1 : level;
    }

    /** From now on, requests of these APIs use at most these versions. */
    void capVersions(Map<ApiKey, Short> caps) {
        this.versionCaps = Map.copyOf(caps);
    }

    /**
     * Whether another request may go on {@code connection} now: it is ready, not throttled by a quota (KIP-219), and
     * below max.in.flight.requests.per.connection.
     */
    boolean hasRoom(NodeConnection connection, long nowNs) {
        return connection.canSend(nowNs) && connection.inFlight().size() < settings.maxInFlightPerConnection();
    }

    /** Sends a request on a ready connection; {@code handler} hears of its answer or its failure. */
    void send(NodeConnection connection, Request request, ResponseHandler handler, long nowNs) {
        RequestHeader header = header(connection, request);
        connection.inFlight().addLast(new InFlightRequest(header, handler, nowNs, nowNs + settings.requestTimeoutNs()));
        long sizeBytes = write(connection, header, request, null);
        metrics.requestSent(connection.node().id(), sizeBytes, true, nowNs / 1_000_000L);
    }

    /**
     * Sends a request no answer will come for (Produce with acks=0): {@code handler} hears once its frame reached
     * the socket, or of its failure if the connection breaks before.
     */
    void sendWithoutResponse(NodeConnection connection, Request request, ResponseHandler handler, long nowNs) {
        RequestHeader header = header(connection, request);
        InFlightRequest unwritten = new InFlightRequest(header, handler, nowNs, Long.MAX_VALUE);
        connection.awaitingWrite().addLast(unwritten);
        long sizeBytes = write(connection, header, request, writtenNs -> {
            connection.awaitingWrite().remove(unwritten);
            handler.onWritten(writtenNs);
        });
        metrics.requestSent(connection.node().id(), sizeBytes, false, nowNs / 1_000_000L);
    }

    private RequestHeader header(NodeConnection connection, Request request) {
        short version = request.apiKey() == ApiKey.API_VERSIONS
                ? protocol.supportedVersions(ApiKey.API_VERSIONS).max() : connection.version(request.apiKey());
        Short cap = versionCaps.get(request.apiKey());
        if (cap != null && version > cap) {
            version = cap;
        }
        return new RequestHeader(request.apiKey(), version, nextCorrelationId++, settings.clientId());
    }

    /** @return the frame's size in bytes */
    private long write(NodeConnection connection, RequestHeader header, Request request,
                       RequestFrame.WrittenListener onWritten) {
        ByteBuffer[] buffers = protocol.encodeRequest(header, request);
        if (log.isTraceEnabled()) {
            log.trace("Sending {} v{} correlation {} to {}", request.apiKey(), header.apiVersion(),
                    header.correlationId(), connection.node());
        }
        RequestFrame frame = new RequestFrame(buffers, onWritten);
        // Measured before the transport writes it: writing advances the buffers' positions.
        long sizeBytes = frame.sizeBytes();
        connections.transport().send(connection.connectionId(), frame);
        return sizeBytes;
    }

    // ---- deadlines ----

    /** The connection passed authentication (or needs none): it takes requests, until {@code reauthenticateAtNs}. */
    void authenticated(NodeConnection connection, long reauthenticateAtNs) {
        connection.ready(reauthenticateAtNs);
        if (connection.reportReachable()) {
            log.info("Broker {} is reachable again", connection.node());
        }
    }

    /**
     * Starts a poll: forgets last poll's reconnect wishes, closes connections whose setup or request timed out,
     * and renews SASL sessions that are due once their connection has nothing in flight.
     */
    void beginPoll(long nowNs) {
        connections.beginPoll();
        for (NodeConnection connection : connections.all()) {
            if (nowNs >= connection.reauthenticateAtNs()) {
                connection.reauthenticationDue();
            }
            if (connection.canReauthenticate()) {
                authentication.begin(this, connection, nowNs);
            }
            if (nowNs >= connection.connectDeadlineNs(settings.connectionSetupTimeoutNs())) {
                unreachable(connection, "not connected within socket.connection.setup.timeout.ms="
                        + settings.connectionSetupTimeoutNs() / 1_000_000L);
                connections.close(connection, nowNs);
                continue;
            }
            InFlightRequest oldest = connection.inFlight().peekFirst();
            if (oldest != null && nowNs >= oldest.deadlineNs()) {
                String reason = "request " + oldest.header().apiKey() + " timed out after request.timeout.ms="
                        + settings.requestTimeoutNs() / 1_000_000L;
                unreachable(connection, reason);
                closeAndFail(connection, reason, nowNs);
            }
        }
    }

    /** The earliest request or connection-setup deadline, wanted reconnect, or end of a quota's throttle. */
    long nextDeadlineNs(long nowNs) {
        long next = connections.earliestReconnectNs();
        for (NodeConnection connection : connections.all()) {
            InFlightRequest oldest = connection.inFlight().peekFirst();
            if (oldest != null) {
                next = Math.min(next, oldest.deadlineNs());
            }
            next = Math.min(next, connection.connectDeadlineNs(settings.connectionSetupTimeoutNs()));
            next = Math.min(next, connection.throttleEndsNs(nowNs));
            next = Math.min(next, connection.reauthenticateAtNs());
        }
        return next;
    }

    // ---- transport events ----

    void onConnected(int connectionId, long nowNs) {
        NodeConnection connection = connections.byConnectionId(connectionId);
        if (connection == null) {
            return;
        }
        connection.negotiating();
        metrics.connectionCreated(nowNs / 1_000_000L);
        send(connection, new ApiVersionsRequest(SOFTWARE_NAME, SOFTWARE_VERSION), new VersionNegotiation(connection),
                nowNs);
    }

    void onDisconnected(int connectionId, String reason, long nowNs) {
        NodeConnection connection = connections.byConnectionId(connectionId);
        if (connection == null) {
            return;
        }
        if (connection.isEstablished() && connection.inFlight().isEmpty() && connection.awaitingWrite().isEmpty()) {
            // Nothing was lost: most often the broker closed a connection idle past its connections.max.idle.ms.
            log.debug("Connection to {} closed while idle: {}", connection.node(), reason);
        } else {
            unreachable(connection, (connection.isEstablished() ? "connection lost: " : "cannot connect: ") + reason);
        }
        // As Kafka's client does: a broker that cannot be reached may no longer lead what we think it leads.
        metadata.requestUpdate();
        connections.markDisconnected(connection, nowNs);
        failInFlight(connection, "connection to " + connection.node() + " lost: " + reason, nowNs);
    }

    /** Hands an answer to the handler of the oldest request on the connection; answers come in request order. */
    void onResponse(int connectionId, ByteBuffer frame, long nowNs) {
        NodeConnection connection = connections.byConnectionId(connectionId);
        if (connection == null) {
            return;
        }
        InFlightRequest request = connection.inFlight().pollFirst();
        if (request == null) {
            closeBroken(connection, "a response arrived with no request in flight", nowNs);
            return;
        }
        // The frame comes without its 4-byte size prefix, which Kafka's incoming-byte counts.
        metrics.responseReceived(connection.node().id(), frame.remaining() + 4L, (nowNs - request.sentNs()) / 1e6,
                nowNs / 1_000_000L);
        Response response;
        try {
            response = protocol.decodeResponse(request.header(), frame);
        } catch (ProtocolException e) {
            connection.inFlight().addFirst(request);
            closeBroken(connection, e.getMessage(), nowNs);
            return;
        }
        if (log.isTraceEnabled()) {
            log.trace("Received {} correlation {} from {} after {} us", request.header().apiKey(),
                    request.header().correlationId(), connection.node(), (nowNs - request.sentNs()) / 1000);
        }
        throttle(connection, request.header(), response.throttleTimeMs(), nowNs);
        request.handler().onResponse(response, nowNs);
    }

    /**
     * KIP-219: from these versions on, a broker over a quota answers at once and leaves it to the client to hold
     * back for throttle_time_ms, so the connection is muted; older versions delayed the answer themselves.
     */
    private void throttle(NodeConnection connection, RequestHeader header, int throttleTimeMs, long nowNs) {
        if (throttleTimeMs > 0 && header.apiVersion() >= ClientSideThrottling.firstVersion(header.apiKey())) {
            connection.throttleUntil(nowNs + throttleTimeMs * 1_000_000L);
            log.debug("Broker {} throttled this producer for {} ms ({} v{}): no request goes to it until then",
                    connection.node(), throttleTimeMs, header.apiKey(), header.apiVersion());
        }
    }

    private void closeBroken(NodeConnection connection, String reason, long nowNs) {
        log.warn("Closing the connection to {}: {}", connection.node(), reason);
        closeAndFail(connection, reason, nowNs);
    }

    /**
     * A broker cannot be reached: one WARN when it starts (what an operator needs to see), DEBUG for each further
     * failed attempt while it lasts, and an INFO once a connection to it is ready again.
     */
    private void unreachable(NodeConnection connection, String reason) {
        if (connection.reportUnreachable()) {
            log.warn("Broker {} is unreachable ({}); reconnecting with backoff (reconnect.backoff.ms up to"
                    + " reconnect.backoff.max.ms), and its partitions' records wait meanwhile; further failures are"
                    + " logged at DEBUG until it is back", connection.node(), reason);
        } else {
            log.debug("Broker {} still unreachable: {}", connection.node(), reason);
        }
    }

    private void closeAndFail(NodeConnection connection, String reason, long nowNs) {
        metadata.requestUpdate();
        connections.close(connection, nowNs);
        failInFlight(connection, reason, nowNs);
    }

    private void failInFlight(NodeConnection connection, String reason, long nowNs) {
        metrics.requestsAbandoned(connection.inFlight().size());
        for (ArrayDeque<InFlightRequest> requests : List.of(connection.awaitingWrite(), connection.inFlight())) {
            InFlightRequest request;
            while ((request = requests.pollFirst()) != null) {
                request.handler().onFailure(reason, nowNs);
            }
        }
    }

    /** Forgets every request in flight without telling their handlers (who abort themselves), and disconnects. */
    void closeAll() {
        for (NodeConnection connection : connections.all()) {
            metrics.requestsAbandoned(connection.inFlight().size());
            connection.inFlight().clear();
            connection.awaitingWrite().clear();
        }
        connections.closeAll();
    }

    /** Learns a new connection's API versions; it is ready once they are known. */
    private final class VersionNegotiation implements ResponseHandler {
        private final NodeConnection connection;

        VersionNegotiation(NodeConnection connection) {
            this.connection = connection;
        }

        @Override
        public void onResponse(Response response, long nowNs) {
            ApiVersionsResponse versions = (ApiVersionsResponse) response;
            if (versions.errorCode() != KafkaError.NONE) {
                closeBroken(connection, "ApiVersions failed with " + KafkaError.forCode(versions.errorCode()), nowNs);
                return;
            }
            Map<ApiKey, Short> negotiated = new EnumMap<>(ApiKey.class);
            for (ApiKey api : ApiKey.values()) {
                VersionRange theirs = versions.versions().get(api);
                VersionRange ours = protocol.supportedVersions(api);
                if (theirs != null && ours != null) {
                    short version = ours.highestCommon(theirs);
                    if (version >= 0) {
                        negotiated.put(api, version);
                    }
                }
            }
            for (ApiKey required : REQUIRED_APIS) {
                if (!negotiated.containsKey(required)) {
                    throw new FatalProducerException("Broker " + connection.node() + " supports " + required
                            + " versions " + versions.versions().get(required) + " but Odradek speaks "
                            + protocol.supportedVersions(required));
                }
            }
            if (versions.finalizedFeaturesEpoch() > finalizedFeaturesEpoch) {
                finalizedFeaturesEpoch = versions.finalizedFeaturesEpoch();
                finalizedFeatures = versions.finalizedFeatures();
            }
            connection.negotiated(negotiated);
            authentication.begin(RequestChannel.this, connection, nowNs);
        }

        @Override
        public void onFailure(String reason, long nowNs) {
            // The connection is gone; the next one negotiates again.
        }
    }
}
