package io.odradek.domain.fake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.odradek.domain.TopicPartition;
import io.odradek.domain.protocol.AddOffsetsToTxnRequest;
import io.odradek.domain.protocol.AddOffsetsToTxnResponse;
import io.odradek.domain.protocol.AddPartitionsToTxnRequest;
import io.odradek.domain.protocol.AddPartitionsToTxnResponse;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.EndTxnRequest;
import io.odradek.domain.protocol.EndTxnResponse;
import io.odradek.domain.protocol.FindCoordinatorRequest;
import io.odradek.domain.protocol.FindCoordinatorResponse;
import io.odradek.domain.protocol.InitProducerIdRequest;
import io.odradek.domain.protocol.InitProducerIdResponse;
import io.odradek.domain.protocol.KafkaError;
import io.odradek.domain.protocol.PartitionError;
import io.odradek.domain.protocol.TxnOffsetCommitRequest;
import io.odradek.domain.protocol.TxnOffsetCommitResponse;

/**
 * The fake cluster's transaction and group coordinator: one node coordinates every transactional id and group (it
 * can move), producer epochs per transactional id with fencing, the partitions and groups of each open transaction,
 * commit and abort markers written into the partitions' logs, offsets committed with their transaction.
 * Transactions v1 by default (partitions added with AddPartitionsToTxn, which a transactional Produce needs);
 * {@link #transactionsV2} makes Produce add partitions itself and every EndTxn bump the epoch (KIP-890).
 */
public final class FakeTransactionCoordinator {
    private final Function<TopicPartition, PartitionLog> logs;
    private final Map<String, Txn> transactions = new HashMap<>();
    private final Map<String, Map<TopicPartition, Long>> committedOffsets = new HashMap<>();
    private final Map<ApiKey, ArrayDeque<Short>> injected = new EnumMap<>(ApiKey.class);
    private final List<ApiKey> requests = new ArrayList<>();
    private int node;
    private boolean v2;
    private long nextProducerId = 5000;

    private static final class Txn {
        long producerId;
        short epoch;
        final Set<TopicPartition> partitions = new LinkedHashSet<>();
        final Set<String> groups = new LinkedHashSet<>();
        final Map<String, Map<TopicPartition, Long>> pendingOffsets = new HashMap<>();
    }

    FakeTransactionCoordinator(Function<TopicPartition, PartitionLog> logs) {
        this.logs = logs;
    }

    /** From now on {@code nodeId} coordinates; the old one answers NOT_COORDINATOR. */
    public void moveTo(int nodeId) {
        node = nodeId;
    }

    public int node() {
        return node;
    }

    public void transactionsV2(boolean enabled) {
        v2 = enabled;
    }

    public boolean isTransactionsV2() {
        return v2;
    }

    /** The next {@code times} requests of {@code api} are answered with {@code errorCode}, doing nothing. */
    public void failNext(ApiKey api, short errorCode, int times) {
        ArrayDeque<Short> errors = injected.computeIfAbsent(api, a -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            errors.addLast(errorCode);
        }
    }

    /** Forgets the errors {@link #failNext} still had to answer with. */
    public void clearFailures() {
        injected.clear();
    }

    /** The transaction of {@code transactionalId} ran past its timeout: aborted, and its epoch bumped. */
    public void expire(String transactionalId) {
        Txn txn = transactions.get(transactionalId);
        if (txn != null) {
            txn.epoch++;
            writeMarkers(txn, false);
        }
    }

    /** The group's committed offsets, as a consumer of the group would start from. */
    public Map<TopicPartition, Long> committedOffsets(String groupId) {
        return Map.copyOf(committedOffsets.getOrDefault(groupId, Map.of()));
    }

    /** The coordinator APIs asked for, in order. */
    public List<ApiKey> requests() {
        return List.copyOf(requests);
    }

    /** The epoch the coordinator holds for {@code transactionalId}, or -1. */
    public short epoch(String transactionalId) {
        Txn txn = transactions.get(transactionalId);
        return txn == null ? -1 : txn.epoch;
    }

    private Short injectedError(ApiKey api) {
        requests.add(api);
        ArrayDeque<Short> errors = injected.get(api);
        return errors == null ? null : errors.pollFirst();
    }

    FindCoordinatorResponse findCoordinator(FindCoordinatorRequest request) {
        Short error = injectedError(ApiKey.FIND_COORDINATOR);
        if (error != null) {
            return new FindCoordinatorResponse(error, null, -1, "", -1, 0);
        }
        return new FindCoordinatorResponse(KafkaError.NONE, null, node, "node-" + node, FakeBroker.PORT, 0);
    }

    InitProducerIdResponse initProducerId(int nodeId, InitProducerIdRequest request) {
        Short error = checked(nodeId, ApiKey.INIT_PRODUCER_ID);
        if (error != null) {
            return new InitProducerIdResponse(error, -1L, (short) -1, 0);
        }
        Txn txn = transactions.get(request.transactionalId());
        if (txn == null) {
            txn = new Txn();
            txn.producerId = nextProducerId++;
            transactions.put(request.transactionalId(), txn);
            return new InitProducerIdResponse(KafkaError.NONE, txn.producerId, txn.epoch, 0);
        }
        if (request.producerId() >= 0 && (request.producerId() != txn.producerId || request.producerEpoch() != txn.epoch)) {
            // A KIP-360 bump from an epoch that is no longer the current one: that producer was fenced.
            return new InitProducerIdResponse(KafkaError.PRODUCER_FENCED, -1L, (short) -1, 0);
        }
        // A new producer with the id (or a bump): what the old epoch left open is aborted, and it is fenced.
        txn.epoch++;
        writeMarkers(txn, false);
        return new InitProducerIdResponse(KafkaError.NONE, txn.producerId, txn.epoch, 0);
    }

    AddPartitionsToTxnResponse addPartitions(int nodeId, AddPartitionsToTxnRequest request) {
        Short error = checked(nodeId, ApiKey.ADD_PARTITIONS_TO_TXN);
        if (error == null) {
            error = epochError(request.transactionalId(), request.producerId(), request.producerEpoch());
        }
        List<PartitionError> results = new ArrayList<>();
        for (AddPartitionsToTxnRequest.Topic topic : request.topics()) {
            for (int partition : topic.partitions()) {
                results.add(new PartitionError(topic.name(), partition, error == null ? KafkaError.NONE : error));
                if (error == null) {
                    transactions.get(request.transactionalId()).partitions.add(new TopicPartition(topic.name(),
                            partition));
                }
            }
        }
        return new AddPartitionsToTxnResponse(results, 0);
    }

    AddOffsetsToTxnResponse addOffsets(int nodeId, AddOffsetsToTxnRequest request) {
        Short error = checked(nodeId, ApiKey.ADD_OFFSETS_TO_TXN);
        if (error == null) {
            error = epochError(request.transactionalId(), request.producerId(), request.producerEpoch());
        }
        if (error == null) {
            transactions.get(request.transactionalId()).groups.add(request.groupId());
        }
        return new AddOffsetsToTxnResponse(error == null ? KafkaError.NONE : error, 0);
    }

    TxnOffsetCommitResponse commitOffsets(int nodeId, TxnOffsetCommitRequest request) {
        Short error = checked(nodeId, ApiKey.TXN_OFFSET_COMMIT);
        if (error == null) {
            error = epochError(request.transactionalId(), request.producerId(), request.producerEpoch());
        }
        Txn txn = transactions.get(request.transactionalId());
        if (error == null && !v2 && !txn.groups.contains(request.groupId())) {
            error = KafkaError.INVALID_TXN_STATE;
        }
        List<PartitionError> results = new ArrayList<>();
        for (TxnOffsetCommitRequest.Topic topic : request.topics()) {
            for (TxnOffsetCommitRequest.PartitionOffset offset : topic.partitions()) {
                results.add(new PartitionError(topic.name(), offset.partition(), error == null ? KafkaError.NONE : error));
                if (error == null) {
                    txn.groups.add(request.groupId());
                    txn.pendingOffsets.computeIfAbsent(request.groupId(), g -> new HashMap<>())
                            .put(new TopicPartition(topic.name(), offset.partition()), offset.offset());
                }
            }
        }
        return new TxnOffsetCommitResponse(results, 0);
    }

    EndTxnResponse endTxn(int nodeId, EndTxnRequest request) {
        Short error = checked(nodeId, ApiKey.END_TXN);
        if (error == null) {
            error = epochError(request.transactionalId(), request.producerId(), request.producerEpoch());
        }
        if (error != null) {
            return new EndTxnResponse(error, -1L, (short) -1, 0);
        }
        Txn txn = transactions.get(request.transactionalId());
        if (v2) {
            txn.epoch++;
        }
        writeMarkers(txn, request.committed());
        return v2 ? new EndTxnResponse(KafkaError.NONE, txn.producerId, txn.epoch, 0)
                : new EndTxnResponse(KafkaError.NONE, -1L, (short) -1, 0);
    }

    /**
     * Whether a transactional batch of {@code producerId} may be appended to {@code tp}: with v1 its partition must
     * be in the transaction; with v2 Produce adds it.
     */
    short checkProduce(TopicPartition tp, long producerId, short epoch) {
        for (Txn txn : transactions.values()) {
            if (txn.producerId != producerId) {
                continue;
            }
            if (epoch < txn.epoch) {
                return KafkaError.INVALID_PRODUCER_EPOCH;
            }
            if (!txn.partitions.contains(tp)) {
                if (!v2) {
                    return KafkaError.INVALID_TXN_STATE;
                }
                txn.partitions.add(tp);
            }
            return KafkaError.NONE;
        }
        return KafkaError.UNKNOWN_PRODUCER_ID;
    }

    private Short checked(int nodeId, ApiKey api) {
        Short error = injectedError(api);
        if (error != null) {
            return error;
        }
        return nodeId == node ? null : KafkaError.NOT_COORDINATOR;
    }

    private Short epochError(String transactionalId, long producerId, short epoch) {
        Txn txn = transactions.get(transactionalId);
        if (txn == null || txn.producerId != producerId) {
            return KafkaError.INVALID_PRODUCER_ID_MAPPING;
        }
        return epoch == txn.epoch ? null : KafkaError.PRODUCER_FENCED;
    }

    private void writeMarkers(Txn txn, boolean commit) {
        for (TopicPartition tp : txn.partitions) {
            logs.apply(tp).endTransaction(txn.producerId, txn.epoch, commit);
        }
        if (commit) {
            txn.pendingOffsets.forEach((group, offsets) -> committedOffsets
                    .computeIfAbsent(group, g -> new HashMap<>()).putAll(offsets));
        }
        txn.partitions.clear();
        txn.groups.clear();
        txn.pendingOffsets.clear();
    }
}
