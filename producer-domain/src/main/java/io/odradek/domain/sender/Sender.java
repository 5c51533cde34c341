package io.odradek.domain.sender;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.odradek.api.FatalProducerException;
import io.odradek.domain.accumulator.PartitionQueue;
import io.odradek.domain.accumulator.ProducerBuffers;
import io.odradek.domain.accumulator.ProducerBatch;
import io.odradek.domain.accumulator.RecordAccumulator;
import io.odradek.domain.idempotence.ProducerIdentity;
import io.odradek.domain.metadata.ClusterView;
import io.odradek.domain.metadata.Metadata;
import io.odradek.domain.metadata.TopicInfo;
import io.odradek.domain.partition.PartitionChooser;
import io.odradek.domain.port.NetworkHandler;
import io.odradek.domain.port.Transport;
import io.odradek.domain.port.WireProtocol;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.ApiVersionsRequest;
import io.odradek.domain.protocol.ApiVersionsResponse;
import io.odradek.domain.protocol.InitProducerIdRequest;
import io.odradek.domain.protocol.InitProducerIdResponse;
import io.odradek.domain.protocol.KafkaError;
import io.odradek.domain.protocol.MetadataRequest;
import io.odradek.domain.protocol.MetadataResponse;
import io.odradek.domain.protocol.ProduceRequest;
import io.odradek.domain.protocol.ProduceResponse;
import io.odradek.domain.protocol.ProtocolException;
import io.odradek.domain.protocol.Request;
import io.odradek.domain.protocol.RequestHeader;
import io.odradek.domain.protocol.Response;
import io.odradek.domain.protocol.VersionRange;

/**
 * The sender state machine. The transport's I/O thread calls it when sockets are ready or a deadline
 * passes; it connects, negotiates versions, keeps metadata fresh, obtains a producer id, sends ready
 * batches and handles what comes back. Single-threaded: no locks beyond the accumulator's.
 */
public final class Sender implements NetworkHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
    private static final String SOFTWARE_NAME = "odradek";
    private static final String SOFTWARE_VERSION = "0.1.0";

    private final SenderSettings settings;
    private final WireProtocol protocol;
    private final RecordAccumulator accumulator;
    private final Metadata metadata;
    private final ProducerIdentity identity;
    private final ProduceDrainer drainer;
    private final BatchOutcomes outcomes;
    private final PendingRecordMover pendingMover;
    private final RandomGenerator random;
    private Connections connections;
    private int nextCorrelationId;
    /**
     * Set while a metadata or InitProducerId request is due but no connection is ready for it: the
     * connection's own events wake the sender then, so its overdue deadline must not (that would spin).
     */
    private boolean metadataWaitsForConnection;
    private boolean initWaitsForConnection;
    private volatile RuntimeException abortError;
    /** What to do once everything was failed by {@link #abortAll(RuntimeException, Runnable)}; I/O thread. */
    private volatile Runnable afterAbort;
    private volatile RuntimeException fatalError;
    /**
     * The thread inside one of this handler's methods right now, else null: the I/O thread while it runs callbacks
     * and interceptors, which must not block on what only it can complete.
     */
    private volatile Thread handlerThread;

    public Sender(SenderSettings settings, WireProtocol protocol, ProducerBuffers buffers, Metadata metadata,
                  ProducerIdentity identity, PartitionChooser chooser, RandomGenerator random,
                  ProducerBatch.CompletionListener listener) {
        this.settings = settings;
        this.protocol = protocol;
        this.accumulator = buffers.accumulator();
        this.metadata = metadata;
        this.identity = identity;
        this.random = random;
        this.drainer = new ProduceDrainer(accumulator, identity, metadata, protocol.recordBatchFormat(), settings);
        this.outcomes = new BatchOutcomes(accumulator, identity, metadata, settings, random, listener);
        this.pendingMover = new PendingRecordMover(buffers.pending(), accumulator, buffers.pool(), metadata, chooser,
                listener, settings.maxBlockNs());
    }

    /** Connects the sender to the transport that will drive it; before {@link Transport#start()}. */
    public void attach(Transport transport) {
        this.connections = new Connections(transport, settings, random);
    }

    /** Makes the next poll fail everything still buffered or in flight with {@code error}; any thread. */
    public void abortAll(RuntimeException error) {
        abortError = error;
    }

    /**
     * As {@link #abortAll(RuntimeException)}, then runs {@code then} on the I/O thread: how a producer closed from
     * one of its own callbacks finishes, once that callback has returned.
     */
    public void abortAll(RuntimeException error, Runnable then) {
        afterAbort = then;
        abortError = error;
    }

    /** Set when the producer cannot go on; sends fail fast with it. */
    public RuntimeException fatalError() {
        return fatalError;
    }

    /**
     * Whether the calling thread is the I/O thread running this sender's work (a callback, an interceptor's
     * onAcknowledgement): a blocking call there would wait for itself.
     */
    public boolean isHandlerThread() {
        return handlerThread == Thread.currentThread();
    }

    @Override
    public long poll(long nowNs) {
        handlerThread = Thread.currentThread();
        try {
            return pollInHandler(nowNs);
        } finally {
            handlerThread = null;
        }
    }

    private long pollInHandler(long nowNs) {
        if (abortError != null) {
            abortEverything(abortError);
            Runnable then = afterAbort;
            afterAbort = null;
            if (then != null) {
                then.run();
            }
            return Long.MAX_VALUE;
        }
        connections.beginPoll();
        expireRequests(nowNs);
        expireInFlightBatches(nowNs);
        outcomes.expireWaiting(nowNs);
        pendingMover.expire(nowNs);
        pendingMover.moveResolved();
        maybeUpdateMetadata(nowNs);
        maybeInitProducerId(nowNs);
        for (ProducerBatch inDoubt : identity.maybeBumpEpoch()) {
            outcomes.failInDoubt(inDoubt);
        }
        if (identity.readyToProduce()) {
            sendProduceRequests(nowNs);
        }
        return nextWakeUpNs(nowNs);
    }

    private long nextWakeUpNs(long nowNs) {
        // Without a producer id nothing is drained, so the drainer's last deadline is stale.
        long next = identity.readyToProduce() ? drainer.nextReadyNs() : Long.MAX_VALUE;
        if (!metadataWaitsForConnection) {
            next = Math.min(next, metadata.nextUpdateNs());
        }
        if (!initWaitsForConnection) {
            next = Math.min(next, identity.nextInitAttemptNs());
        }
        next = Math.min(next, connections.earliestReconnectNs());
        next = Math.min(next, pendingMover.earliestDeadlineNs());
        for (NodeConnection connection : connections.all()) {
            InFlightRequest oldest = connection.inFlight().peekFirst();
            if (oldest != null) {
                next = Math.min(next, oldest.deadlineNs());
            }
            for (InFlightRequest request : connection.inFlight()) {
                next = Math.min(next, request.nextBatchExpiryNs());
            }
            next = Math.min(next, connection.connectDeadlineNs(settings.connectionSetupTimeoutNs()));
        }
        for (PartitionQueue queue : accumulator.queues()) {
            ProducerBatch first = queue.peekFirst();
            if (first != null) {
                next = Math.min(next, first.createdNs() + settings.deliveryTimeoutNs());
            }
        }
        return Math.max(next, nowNs);
    }

    // ---- requests ----

    private void maybeUpdateMetadata(long nowNs) {
        metadataWaitsForConnection = false;
        if (nowNs < metadata.nextUpdateNs()) {
            return;
        }
        NodeConnection connection = connections.anyReady(metadata.view(), nowNs);
        if (connection == null) {
            metadataWaitsForConnection = true;
            return;
        }
        metadata.requestSent(nowNs);
        // As Kafka's producer does: a broker with auto.create.topics.enable=true creates the topic.
        send(connection, new MetadataRequest(metadata.topics(), true), List.of(), nowNs);
    }

    private void maybeInitProducerId(long nowNs) {
        initWaitsForConnection = false;
        if (identity.nextInitAttemptNs() > nowNs) {
            return;
        }
        NodeConnection connection = connections.anyReady(metadata.view(), nowNs);
        if (connection == null) {
            initWaitsForConnection = true;
            return;
        }
        InitProducerIdRequest request = identity.initRequest(nowNs);
        if (request != null) {
            send(connection, request, List.of(), nowNs);
        }
    }

    private void sendProduceRequests(long nowNs) {
        Map<Integer, List<PartitionQueue>> ready = drainer.readyLeaders(nowNs);
        for (Map.Entry<Integer, List<PartitionQueue>> entry : ready.entrySet()) {
            NodeConnection connection = connections.forNode(entry.getKey(), metadata.view(), nowNs);
            if (connection == null) {
                // The leader is not among the brokers the metadata lists (it was fenced): ask again.
                metadata.requestUpdate();
                continue;
            }
            if (!connection.isReady()) {
                continue;
            }
            boolean firstRequest = true;
            while (connection.inFlight().size() < settings.maxInFlightPerConnection()) {
                // Later requests go only while a batch is still ready: a batch that is neither full nor done
                // lingering must wait for linger.ms instead of leaving half-empty behind the ready ones.
                if (!firstRequest && !drainer.anyReady(entry.getValue(), nowNs)) {
                    break;
                }
                firstRequest = false;
                List<ProducerBatch> batches = drainer.drain(entry.getValue(), nowNs);
                if (batches.isEmpty()) {
                    break;
                }
                sendProduce(connection, batches, nowNs);
            }
        }
    }

    private void sendProduce(NodeConnection connection, List<ProducerBatch> batches, long nowNs) {
        Map<String, List<ProduceRequest.PartitionData>> byTopic = new LinkedHashMap<>();
        for (ProducerBatch batch : batches) {
            outcomes.sent(batch);
            byTopic.computeIfAbsent(batch.topicPartition().topic(), t -> new ArrayList<>())
                    .add(new ProduceRequest.PartitionData(batch.topicPartition().partition(), batch.closedBuffer()));
        }
        List<ProduceRequest.TopicData> topics = new ArrayList<>(byTopic.size());
        byTopic.forEach((topic, partitions) -> topics.add(new ProduceRequest.TopicData(topic, partitions)));
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, settings.requestTimeoutNs() / 1_000_000L);
        send(connection, new ProduceRequest(null, settings.acks(), timeoutMs, topics), batches, nowNs);
    }

    private void send(NodeConnection connection, Request request, List<ProducerBatch> batches, long nowNs) {
        short version = request.apiKey() == ApiKey.API_VERSIONS
                ? protocol.supportedVersions(ApiKey.API_VERSIONS).max() : connection.version(request.apiKey());
        RequestHeader header = new RequestHeader(request.apiKey(), version, nextCorrelationId++, settings.clientId());
        ByteBuffer[] buffers = protocol.encodeRequest(header, request);
        boolean fireAndForget = request instanceof ProduceRequest && settings.acks() == 0;
        RequestFrame.WrittenListener onWritten = null;
        if (fireAndForget) {
            InFlightRequest unwritten = new InFlightRequest(header, batches, nowNs, Long.MAX_VALUE,
                    settings.deliveryTimeoutNs());
            connection.awaitingWrite().addLast(unwritten);
            onWritten = writtenNs -> {
                connection.awaitingWrite().remove(unwritten);
                for (ProducerBatch batch : batches) {
                    outcomes.acknowledged(batch, -1L, -1L);
                }
            };
        } else {
            connection.inFlight().addLast(new InFlightRequest(header, batches, nowNs,
                    nowNs + settings.requestTimeoutNs(), settings.deliveryTimeoutNs()));
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("Sending {} v{} correlation {} to {} ({} batches)", request.apiKey(), version,
                    header.correlationId(), connection.node(), batches.size());
        }
        connections.transport().send(connection.connectionId(), new RequestFrame(buffers, onWritten));
    }

    // ---- transport callbacks ----

    @Override
    public void onConnected(int connectionId, long nowNs) {
        handlerThread = Thread.currentThread();
        try {
            connected(connectionId, nowNs);
        } finally {
            handlerThread = null;
        }
    }

    private void connected(int connectionId, long nowNs) {
        NodeConnection connection = connections.byConnectionId(connectionId);
        if (connection == null) {
            return;
        }
        connection.negotiating();
        send(connection, new ApiVersionsRequest(SOFTWARE_NAME, SOFTWARE_VERSION), List.of(), nowNs);
    }

    @Override
    public void onDisconnected(int connectionId, String reason, long nowNs) {
        handlerThread = Thread.currentThread();
        try {
            disconnected(connectionId, reason, nowNs);
        } finally {
            handlerThread = null;
        }
    }

    private void disconnected(int connectionId, String reason, long nowNs) {
        NodeConnection connection = connections.byConnectionId(connectionId);
        if (connection == null) {
            return;
        }
        LOG.debug("Connection to {} lost: {}", connection.node(), reason);
        // As Kafka's client does: a broker that cannot be reached may no longer lead what we think it leads.
        metadata.requestUpdate();
        connections.markDisconnected(connection, nowNs);
        failInFlight(connection, "connection to " + connection.node() + " lost: " + reason, nowNs);
    }

    private void failInFlight(NodeConnection connection, String reason, long nowNs) {
        InFlightRequest unwritten;
        while ((unwritten = connection.awaitingWrite().pollFirst()) != null) {
            for (ProducerBatch batch : unwritten.batches()) {
                outcomes.failedInTransit(batch, reason, nowNs);
            }
        }
        InFlightRequest request;
        while ((request = connection.inFlight().pollFirst()) != null) {
            switch (request.header().apiKey()) {
                case METADATA -> metadata.requestFailed();
                case INIT_PRODUCER_ID -> identity.onInitFailed(nowNs);
                case PRODUCE -> {
                    metadata.requestUpdate();
                    for (ProducerBatch batch : request.batches()) {
                        outcomes.failedInTransit(batch, reason, nowNs);
                    }
                }
                default -> { }
            }
        }
    }

    /** Fails the records of in-flight batches whose delivery.timeout.ms passed; their requests stay in flight. */
    private void expireInFlightBatches(long nowNs) {
        for (NodeConnection connection : connections.all()) {
            for (InFlightRequest request : connection.inFlight()) {
                if (nowNs < request.nextBatchExpiryNs()) {
                    continue;
                }
                for (ProducerBatch batch : request.batches()) {
                    if (nowNs - batch.createdNs() >= settings.deliveryTimeoutNs()) {
                        outcomes.expireInFlight(batch, nowNs);
                    }
                }
                request.batchesExpired(settings.deliveryTimeoutNs());
            }
        }
    }

    private void expireRequests(long nowNs) {
        for (NodeConnection connection : connections.all()) {
            if (nowNs >= connection.connectDeadlineNs(settings.connectionSetupTimeoutNs())) {
                LOG.debug("Connection to {} not established within socket.connection.setup.timeout.ms",
                        connection.node());
                connections.close(connection, nowNs);
                continue;
            }
            InFlightRequest oldest = connection.inFlight().peekFirst();
            if (oldest != null && nowNs >= oldest.deadlineNs()) {
                String reason = "request " + oldest.header().apiKey() + " timed out after request.timeout.ms="
                        + settings.requestTimeoutNs() / 1_000_000L;
                connections.close(connection, nowNs);
                failInFlight(connection, reason, nowNs);
            }
        }
    }

    @Override
    public void onResponse(int connectionId, ByteBuffer frame, long nowNs) {
        handlerThread = Thread.currentThread();
        try {
            responded(connectionId, frame, nowNs);
        } finally {
            handlerThread = null;
        }
    }

    private void responded(int connectionId, ByteBuffer frame, long nowNs) {
        NodeConnection connection = connections.byConnectionId(connectionId);
        if (connection == null) {
            return;
        }
        InFlightRequest request = connection.inFlight().pollFirst();
        if (request == null) {
            closeBroken(connection, "a response arrived with no request in flight", nowNs);
            return;
        }
        Response response;
        try {
            response = protocol.decodeResponse(request.header(), frame);
        } catch (ProtocolException e) {
            connection.inFlight().addFirst(request);
            closeBroken(connection, e.getMessage(), nowNs);
            return;
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("Received {} correlation {} from {} after {} us", request.header().apiKey(),
                    request.header().correlationId(), connection.node(), (nowNs - request.sentNs()) / 1000);
        }
        try {
            dispatch(connection, request, response, nowNs);
        } catch (FatalProducerException e) {
            fatalError = e;
            abortEverything(e);
        }
    }

    private void closeBroken(NodeConnection connection, String reason, long nowNs) {
        LOG.warn("Closing connection to {}: {}", connection.node(), reason);
        connections.close(connection, nowNs);
        failInFlight(connection, reason, nowNs);
    }

    private void dispatch(NodeConnection connection, InFlightRequest request, Response response, long nowNs) {
        if (response instanceof ProduceResponse produce) {
            onProduce(request, produce, nowNs);
        } else if (response instanceof MetadataResponse meta) {
            metadata.update(meta, nowNs);
            connectToLeaders(nowNs);
        } else if (response instanceof InitProducerIdResponse init) {
            identity.onInitResponse(init, nowNs);
        } else if (response instanceof ApiVersionsResponse versions) {
            onApiVersions(connection, versions, nowNs);
        }
    }

    /**
     * Opens the connections the records of the known topics will need as soon as their leaders are known, so
     * the first batch to a broker does not also wait for its connection and ApiVersions round trip.
     */
    private void connectToLeaders(long nowNs) {
        ClusterView view = metadata.view();
        for (TopicInfo topic : view.topics().values()) {
            for (int partition = 0; partition < topic.partitionCount(); partition++) {
                int leader = topic.leaderOf(partition);
                if (leader >= 0) {
                    connections.forNode(leader, view, nowNs);
                }
            }
        }
    }

    private void onApiVersions(NodeConnection connection, ApiVersionsResponse response, long nowNs) {
        if (response.errorCode() != KafkaError.NONE) {
            closeBroken(connection, "ApiVersions failed with " + KafkaError.forCode(response.errorCode()), nowNs);
            return;
        }
        Map<ApiKey, Short> negotiated = new EnumMap<>(ApiKey.class);
        for (ApiKey api : ApiKey.values()) {
            VersionRange theirs = response.versions().get(api);
            VersionRange ours = protocol.supportedVersions(api);
            if (theirs != null && ours != null) {
                short version = ours.highestCommon(theirs);
                if (version >= 0) {
                    negotiated.put(api, version);
                }
            }
        }
        for (ApiKey required : List.of(ApiKey.PRODUCE, ApiKey.METADATA)) {
            if (!negotiated.containsKey(required)) {
                throw new FatalProducerException("Broker " + connection.node() + " supports " + required
                        + " versions " + response.versions().get(required) + " but Odradek speaks "
                        + protocol.supportedVersions(required));
            }
        }
        connection.ready(negotiated);
    }

    private void onProduce(InFlightRequest request, ProduceResponse response, long nowNs) {
        List<ProducerBatch> unanswered = new ArrayList<>(request.batches());
        for (ProduceResponse.TopicResponse topic : response.topics()) {
            for (ProduceResponse.PartitionResponse partition : topic.partitions()) {
                ProducerBatch batch = find(unanswered, topic.topic(), partition.partition());
                if (batch == null) {
                    continue;
                }
                unanswered.remove(batch);
                if (partition.errorCode() == KafkaError.NONE) {
                    outcomes.acknowledged(batch, partition.baseOffset(), partition.logAppendTimeMs());
                } else {
                    outcomes.failedWithError(batch, partition.errorCode(), partition.errorMessage(), nowNs);
                }
            }
        }
        for (ProducerBatch batch : unanswered) {
            outcomes.failedInTransit(batch, "the Produce response did not mention " + batch.topicPartition(), nowNs);
        }
    }

    private static ProducerBatch find(List<ProducerBatch> batches, String topic, int partition) {
        for (ProducerBatch batch : batches) {
            if (batch.topicPartition().partition() == partition && batch.topicPartition().topic().equals(topic)) {
                return batch;
            }
        }
        return null;
    }

    // ---- shutdown ----

    private void abortEverything(RuntimeException error) {
        pendingMover.failAll(error);
        for (NodeConnection connection : connections.all()) {
            for (ArrayDeque<InFlightRequest> requests : List.of(connection.inFlight(), connection.awaitingWrite())) {
                InFlightRequest request;
                while ((request = requests.pollFirst()) != null) {
                    for (ProducerBatch batch : request.batches()) {
                        outcomes.abort(batch, error, true);
                    }
                }
            }
        }
        for (PartitionQueue queue : accumulator.queues()) {
            for (ProducerBatch batch : queue.removeAll()) {
                outcomes.abort(batch, error, false);
            }
        }
        connections.closeAll();
    }
}
