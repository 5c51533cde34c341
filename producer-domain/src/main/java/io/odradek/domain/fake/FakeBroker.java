package io.odradek.domain.fake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.odradek.domain.TopicPartition;
import io.odradek.domain.protocol.AddOffsetsToTxnRequest;
import io.odradek.domain.protocol.AddPartitionsToTxnRequest;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.ApiVersionsResponse;
import io.odradek.domain.protocol.EndTxnRequest;
import io.odradek.domain.protocol.FindCoordinatorRequest;
import io.odradek.domain.protocol.InitProducerIdRequest;
import io.odradek.domain.protocol.InitProducerIdResponse;
import io.odradek.domain.protocol.KafkaError;
import io.odradek.domain.protocol.MetadataRequest;
import io.odradek.domain.protocol.MetadataResponse;
import io.odradek.domain.protocol.ProduceRequest;
import io.odradek.domain.protocol.ProduceResponse;
import io.odradek.domain.protocol.Request;
import io.odradek.domain.protocol.Response;
import io.odradek.domain.protocol.TxnOffsetCommitRequest;
import io.odradek.domain.protocol.VersionRange;

/**
 * An in-memory Kafka cluster that answers the producer's requests as values: nodes {@code 0..n-1} at
 * {@code node-<id>:9092}, topics with partition leaders, a log per partition with the broker's
 * idempotence checks (see {@link PartitionLog}). Broker-side faults are injected here, and lost Produce
 * answers, which outlive any one connection; the other network faults (lost or late responses on the connections
 * open now, broken connections) live in {@link FakeTransport}. Single-threaded: only the
 * transport's driving thread calls it.
 */
public final class FakeBroker {
    public static final int PORT = 9092;

    private final int nodeCount;
    private final Map<String, List<PartitionLog>> topics = new LinkedHashMap<>();
    private final Map<TopicPartition, ArrayDeque<Short>> produceErrors = new HashMap<>();
    private final Map<TopicPartition, ArrayDeque<Short>> errorsAfterAppend = new HashMap<>();
    private final ArrayDeque<Short> initProducerIdErrors = new ArrayDeque<>();
    private final Map<Long, Short> producerEpochs = new HashMap<>();
    private final List<InitProducerIdRequest> initRequests = new ArrayList<>();
    private final List<ProduceAttempt> produceAttempts = new ArrayList<>();
    private final boolean[] down;
    /** Per node, how many more Produce answers are lost on the way back after the node handled the request. */
    private final int[] produceAnswersToLose;
    private final FakeTransactionCoordinator coordinator = new FakeTransactionCoordinator(
            tp -> partition(tp.topic(), tp.partition()));
    private FakeSaslServer sasl;
    private long nextProducerId = 1000;
    /** The throttle_time_ms of Produce answers, as a broker over a client quota sets it (KIP-219). */
    private int produceThrottleMs;
    private int metadataRequests;

    /** One batch as a node received it, and what the node answered. */
    public record ProduceAttempt(int nodeId, TopicPartition topicPartition, long producerId, short epoch,
                                 int baseSequence, int recordCount, short errorCode) {
    }

    public FakeBroker(int nodeCount) {
        this.nodeCount = nodeCount;
        this.down = new boolean[nodeCount];
        this.produceAnswersToLose = new int[nodeCount];
    }

    public static String bootstrap() {
        return "node-0:" + PORT;
    }

    /** Creates a topic whose partition {@code p} is led by node {@code p % nodeCount}. */
    public FakeBroker createTopic(String name, int partitions) {
        List<PartitionLog> logs = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            logs.add(new PartitionLog(new TopicPartition(name, p), p % nodeCount));
        }
        topics.put(name, logs);
        return this;
    }

    /** The transaction and group coordinator, for transactional tests to steer and inspect. */
    public FakeTransactionCoordinator coordinator() {
        return coordinator;
    }

    public int nodeCount() {
        return nodeCount;
    }

    public boolean hasTopic(String topic) {
        return topics.containsKey(topic);
    }

    public PartitionLog partition(String topic, int partition) {
        return topics.get(topic).get(partition);
    }

    public List<PartitionLog> partitions(String topic) {
        return List.copyOf(topics.get(topic));
    }

    public List<PartitionLog.StoredRecord> log(String topic, int partition) {
        return partition(topic, partition).records();
    }

    // ---- faults ----

    /** The partition's leadership moves; the old leader answers NOT_LEADER_OR_FOLLOWER from now on. */
    public void moveLeader(String topic, int partition, int newLeader) {
        partition(topic, partition).moveLeader(newLeader);
    }

    /** The next {@code times} batches for the partition are answered with {@code errorCode}, not written. */
    public void failNextProduce(String topic, int partition, short errorCode, int times) {
        ArrayDeque<Short> errors = produceErrors.computeIfAbsent(new TopicPartition(topic, partition),
                tp -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            errors.addLast(errorCode);
        }
    }

    /**
     * The next {@code times} batches for the partition are written, then answered with {@code errorCode}: as a
     * leader answers REQUEST_TIMED_OUT when its followers did not confirm a batch it appended in time.
     */
    public void failNextProduceAfterAppend(String topic, int partition, short errorCode, int times) {
        ArrayDeque<Short> errors = errorsAfterAppend.computeIfAbsent(new TopicPartition(topic, partition),
                tp -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            errors.addLast(errorCode);
        }
    }

    /** The next {@code times} InitProducerId requests fail with {@code errorCode}. */
    public void failNextInitProducerId(short errorCode, int times) {
        for (int i = 0; i < times; i++) {
            initProducerIdErrors.addLast(errorCode);
        }
    }

    /** The partition forgets every producer: the next batch with a sequence above 0 gets UNKNOWN_PRODUCER_ID. */
    public void forgetProducers(String topic, int partition) {
        partition(topic, partition).forgetProducers();
    }

    /**
     * From now on Produce answers carry {@code throttleMs} as their throttle_time_ms (0 to stop): the client is over
     * a quota and must send nothing more to the node for that long (KIP-219).
     */
    public void throttleProduce(int throttleMs) {
        produceThrottleMs = throttleMs;
    }

    /**
     * The node's answers to its next {@code count} Produce requests, on any connection, open now or later, never
     * reach the client, although the node wrote the batches: the case idempotence exists for. The connection that
     * lost one stalls, as a half-dead TCP connection does, until the client's request.timeout.ms gives up on it.
     */
    public void loseNextProduceAnswers(int nodeId, int count) {
        produceAnswersToLose[nodeId] = count;
    }

    /** Whether the node's answer to {@code request} is to be lost; counts it if so. */
    boolean loseAnswer(int nodeId, Request request) {
        if (!(request instanceof ProduceRequest) || nodeId < 0 || produceAnswersToLose[nodeId] <= 0) {
            return false;
        }
        produceAnswersToLose[nodeId]--;
        return true;
    }

    /** A node that is down refuses connections (the transport asks {@link #isUp}). */
    public void setDown(int nodeId, boolean isDown) {
        down[nodeId] = isDown;
    }

    public boolean isUp(int nodeId) {
        return !down[nodeId];
    }

    // ---- what happened ----

    public List<InitProducerIdRequest> initRequests() {
        return List.copyOf(initRequests);
    }

    public List<ProduceAttempt> produceAttempts() {
        return List.copyOf(produceAttempts);
    }

    /** How many batches for the partition reached a node, retries and refused ones included. */
    public int produceAttempts(String topic, int partition) {
        TopicPartition wanted = new TopicPartition(topic, partition);
        return (int) produceAttempts.stream().filter(attempt -> attempt.topicPartition().equals(wanted)).count();
    }

    public int metadataRequests() {
        return metadataRequests;
    }

    /** The node listening at {@code host:port}, or -1. */
    public int nodeAt(String host, int port) {
        if (port != PORT || !host.startsWith("node-")) {
            return -1;
        }
        int id = Integer.parseInt(host.substring("node-".length()));
        return id < nodeCount ? id : -1;
    }

    // ---- requests ----

    /** Every connection must authenticate with {@code server} (SASL/PLAIN) before other requests. */
    public FakeBroker requireSasl(FakeSaslServer server) {
        this.sasl = server;
        return this;
    }

    /** As {@link #handle(int, Request)}, for a request on connection {@code connectionId}. */
    Response handle(int nodeId, int connectionId, Request request) {
        if (sasl != null) {
            Response answer = sasl.handle(connectionId, request);
            if (answer != null) {
                return answer;
            }
        }
        return handle(nodeId, request);
    }

    /** The node's answer to a request, or null when none is due (Produce with acks=0). */
    Response handle(int nodeId, Request request) {
        if (request instanceof ProduceRequest produce) {
            ProduceResponse response = produce(nodeId, produce);
            return produce.acks() == 0 ? null : response;
        }
        if (request instanceof MetadataRequest metadata) {
            metadataRequests++;
            return metadata(metadata);
        }
        if (request instanceof InitProducerIdRequest init) {
            initRequests.add(init);
            return init.transactionalId() != null ? coordinator.initProducerId(nodeId, init) : initProducerId(init);
        }
        if (request instanceof FindCoordinatorRequest find) {
            return coordinator.findCoordinator(find);
        }
        if (request instanceof AddPartitionsToTxnRequest add) {
            return coordinator.addPartitions(nodeId, add);
        }
        if (request instanceof AddOffsetsToTxnRequest add) {
            return coordinator.addOffsets(nodeId, add);
        }
        if (request instanceof TxnOffsetCommitRequest commit) {
            return coordinator.commitOffsets(nodeId, commit);
        }
        if (request instanceof EndTxnRequest end) {
            return coordinator.endTxn(nodeId, end);
        }
        Map<ApiKey, VersionRange> versions = new EnumMap<>(ApiKey.class);
        for (ApiKey key : ApiKey.values()) {
            versions.put(key, FakeWireProtocol.VERSIONS);
        }
        return coordinator.isTransactionsV2()
                ? new ApiVersionsResponse(KafkaError.NONE, versions, 0, 1L, Map.of("transaction.version", (short) 2))
                : new ApiVersionsResponse(KafkaError.NONE, versions, 0);
    }

    private MetadataResponse metadata(MetadataRequest request) {
        List<MetadataResponse.Broker> brokers = new ArrayList<>();
        for (int id = 0; id < nodeCount; id++) {
            if (!down[id]) {
                brokers.add(new MetadataResponse.Broker(id, "node-" + id, PORT, null));
            }
        }
        List<MetadataResponse.TopicMetadata> described = new ArrayList<>();
        for (String name : request.topics()) {
            List<PartitionLog> logs = topics.get(name);
            if (logs == null) {
                described.add(new MetadataResponse.TopicMetadata(KafkaError.UNKNOWN_TOPIC_OR_PARTITION, name,
                        List.of()));
                continue;
            }
            List<MetadataResponse.PartitionMetadata> partitions = new ArrayList<>();
            for (PartitionLog log : logs) {
                partitions.add(new MetadataResponse.PartitionMetadata(KafkaError.NONE,
                        log.topicPartition().partition(), log.leader(), log.leaderEpoch()));
            }
            described.add(new MetadataResponse.TopicMetadata(KafkaError.NONE, name, partitions));
        }
        return new MetadataResponse(brokers, "fake-cluster", 0, described, 0);
    }

    private InitProducerIdResponse initProducerId(InitProducerIdRequest request) {
        Short injected = initProducerIdErrors.pollFirst();
        if (injected != null) {
            return new InitProducerIdResponse(injected, -1L, (short) -1, 0);
        }
        if (request.producerId() < 0) {
            long id = nextProducerId++;
            producerEpochs.put(id, (short) 0);
            return new InitProducerIdResponse(KafkaError.NONE, id, (short) 0, 0);
        }
        Short current = producerEpochs.get(request.producerId());
        if (current == null || current != request.producerEpoch()) {
            return new InitProducerIdResponse(KafkaError.INVALID_PRODUCER_EPOCH, -1L, (short) -1, 0);
        }
        short bumped = (short) (current + 1);
        producerEpochs.put(request.producerId(), bumped);
        return new InitProducerIdResponse(KafkaError.NONE, request.producerId(), bumped, 0);
    }

    private ProduceResponse produce(int nodeId, ProduceRequest request) {
        List<ProduceResponse.TopicResponse> topicResponses = new ArrayList<>();
        for (ProduceRequest.TopicData topic : request.topics()) {
            List<ProduceResponse.PartitionResponse> partitions = new ArrayList<>();
            for (ProduceRequest.PartitionData data : topic.partitions()) {
                partitions.add(producePartition(nodeId, new TopicPartition(topic.topic(), data.partition()),
                        FakeRecordBatchFormat.parse(data.records())));
            }
            topicResponses.add(new ProduceResponse.TopicResponse(topic.topic(), partitions));
        }
        return new ProduceResponse(topicResponses, produceThrottleMs);
    }

    private ProduceResponse.PartitionResponse producePartition(int nodeId, TopicPartition tp,
                                                               FakeRecordBatchFormat.Batch batch) {
        List<PartitionLog> logs = topics.get(tp.topic());
        PartitionLog.AppendResult result;
        if (logs == null || tp.partition() >= logs.size()) {
            result = new PartitionLog.AppendResult(KafkaError.UNKNOWN_TOPIC_OR_PARTITION, -1L);
        } else if (logs.get(tp.partition()).leader() != nodeId) {
            result = new PartitionLog.AppendResult(KafkaError.NOT_LEADER_OR_FOLLOWER, -1L);
        } else {
            ArrayDeque<Short> errors = produceErrors.get(tp);
            Short injected = errors == null ? null : errors.pollFirst();
            if (injected == null && batch.transactional()) {
                short refused = coordinator.checkProduce(tp, batch.producerId(), batch.epoch());
                injected = refused == KafkaError.NONE ? null : refused;
            }
            result = injected != null ? new PartitionLog.AppendResult(injected, -1L)
                    : logs.get(tp.partition()).append(batch);
            ArrayDeque<Short> afterAppend = errorsAfterAppend.get(tp);
            Short lateError = afterAppend == null || injected != null || result.errorCode() != KafkaError.NONE
                    ? null : afterAppend.pollFirst();
            if (lateError != null) {
                result = new PartitionLog.AppendResult(lateError, -1L);
            }
        }
        produceAttempts.add(new ProduceAttempt(nodeId, tp, batch.producerId(), batch.epoch(), batch.baseSequence(),
                batch.records().size(), result.errorCode()));
        return new ProduceResponse.PartitionResponse(tp.partition(), result.errorCode(), result.baseOffset(), -1L,
                0L, null, null);
    }
}
