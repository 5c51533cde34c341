package io.odradek.domain.sender;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.odradek.api.FatalProducerException;
import io.odradek.api.OffsetAndMetadata;
import io.odradek.domain.TopicPartition;
import io.odradek.domain.accumulator.ProducerBuffers;
import io.odradek.domain.log.ProducerLog;
import io.odradek.domain.protocol.AddOffsetsToTxnRequest;
import io.odradek.domain.protocol.AddOffsetsToTxnResponse;
import io.odradek.domain.protocol.AddPartitionsToTxnRequest;
import io.odradek.domain.protocol.AddPartitionsToTxnResponse;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.CoordinatorType;
import io.odradek.domain.protocol.EndTxnRequest;
import io.odradek.domain.protocol.EndTxnResponse;
import io.odradek.domain.protocol.InitProducerIdRequest;
import io.odradek.domain.protocol.InitProducerIdResponse;
import io.odradek.domain.protocol.KafkaError;
import io.odradek.domain.protocol.PartitionError;
import io.odradek.domain.protocol.Request;
import io.odradek.domain.protocol.Response;
import io.odradek.domain.protocol.TxnOffsetCommitRequest;
import io.odradek.domain.protocol.TxnOffsetCommitResponse;
import io.odradek.domain.transaction.TransactionOperation;
import io.odradek.domain.transaction.TransactionPartitions;
import io.odradek.domain.transaction.TransactionState;
import io.odradek.domain.transaction.TransactionalIdentity;
import io.odradek.domain.transaction.Transactions;

/**
 * The transactional producer's conversation with its coordinators (KIP-98, KIP-447, KIP-890): InitProducerId,
 * AddPartitionsToTxn before a partition's first batch (transactions v1), AddOffsetsToTxn and TxnOffsetCommit for
 * sendOffsetsToTransaction, and EndTxn once every record of the transaction is done. One request at a time, in
 * that order of precedence, each to the coordinator it needs (found again when it moved). What the coordinators
 * answer moves {@link Transactions}; see {@link TransactionReplies} for what each error means.
 */
final class TransactionExchange implements Exchange, CoordinatorLookup.Listener {
    private final ProducerLog log;
    /** A transaction's first AddPartitionsToTxn meets CONCURRENT_TRANSACTIONS while the previous one completes. */
    private static final long CONCURRENT_TRANSACTIONS_BACKOFF_NS = TimeUnit.MILLISECONDS.toNanos(20);
    /** Without transactions v2 these versions would tell the broker the transaction is a v2 one (KIP-890). */
    private static final Map<ApiKey, Short> V1_VERSION_CAPS = Map.of(ApiKey.PRODUCE, (short) 11,
            ApiKey.END_TXN, (short) 4, ApiKey.TXN_OFFSET_COMMIT, (short) 4);

    private final Transactions transactions;
    private final TransactionalIdentity identity;
    private final TransactionPartitions partitions;
    private final RequestChannel channel;
    private final CoordinatorLookup coordinators;
    private final ProducerBuffers buffers;
    private final SenderSettings settings;
    private final int transactionTimeoutMs;
    private final CoordinatorLookup.Key transactionCoordinator;
    private final TransactionReplies replies;

    private boolean inFlight;
    private boolean waitsForConnection;
    private long retryNotBeforeNs;
    private boolean initialized;
    /** The protocol in use was logged (once: InitProducerId may be asked several times before it succeeds). */
    private boolean announced;
    /** The sendOffsetsToTransaction call being carried out, and what of it is left. */
    private TransactionOperation offsetsCall;
    private boolean offsetsAdded;
    private Map<TopicPartition, OffsetAndMetadata> offsetsLeft;

    TransactionExchange(Transactions transactions, TransactionalIdentity identity, TransactionPartitions partitions,
                        RequestChannel channel, ProducerBuffers buffers, SenderSettings settings,
                        int transactionTimeoutMs) {
        this.transactions = transactions;
        this.identity = identity;
        this.partitions = partitions;
        this.channel = channel;
        this.coordinators = new CoordinatorLookup(channel);
        this.buffers = buffers;
        this.settings = settings;
        this.transactionTimeoutMs = transactionTimeoutMs;
        this.log = settings.log().logger(TransactionExchange.class);
        this.transactionCoordinator = new CoordinatorLookup.Key(CoordinatorType.TRANSACTION,
                transactions.transactionalId());
        this.replies = new TransactionReplies(transactions, identity);
    }

    @Override
    public void poll(long nowNs) {
        waitsForConnection = false;
        if (inFlight || nowNs < retryNotBeforeNs) {
            return;
        }
        // The backoff is over: forget it, or nextWakeUpNs() would keep answering a time already past and the
        // sender would spin until the next backoff.
        retryNotBeforeNs = 0;
        TransactionState state = transactions.state();
        if (state == TransactionState.INITIALIZING) {
            initProducerId(nowNs);
            return;
        }
        boolean collecting = state == TransactionState.IN_TRANSACTION || state == TransactionState.COMMITTING;
        if (collecting && !identity.isTransactionsV2() && partitions.hasToAdd()) {
            addPartitions(nowNs);
            return;
        }
        TransactionOperation operation = transactions.pendingOperation();
        if (state == TransactionState.IN_TRANSACTION && operation != null
                && operation.kind() == TransactionOperation.Kind.SEND_OFFSETS) {
            sendOffsets(operation, nowNs);
            return;
        }
        if ((state == TransactionState.COMMITTING || state == TransactionState.ABORTING) && recordsDone()) {
            endTransaction(state == TransactionState.COMMITTING, nowNs);
        }
    }

    @Override
    public long nextWakeUpNs() {
        // An answer, a ready connection or a completed batch brings the next step; only a backoff needs a timer.
        return inFlight || waitsForConnection || retryNotBeforeNs == 0 ? Long.MAX_VALUE : retryNotBeforeNs;
    }

    /** Every record of the transaction is acknowledged or failed: EndTxn may go. */
    private boolean recordsDone() {
        return !buffers.accumulator().hasIncomplete() && buffers.pending().isEmpty();
    }

    // ---- steps ----

    private void initProducerId(long nowNs) {
        NodeConnection coordinator = coordinator(transactionCoordinator, nowNs);
        if (coordinator == null) {
            return;
        }
        if (!initialized) {
            boolean v2 = channel.finalizedFeature("transaction.version") >= 2;
            boolean bumpsEpochs = coordinator.version(ApiKey.INIT_PRODUCER_ID) >= 3;
            identity.coordinatorSpeaks(v2, bumpsEpochs);
            channel.capVersions(v2 ? Map.of() : V1_VERSION_CAPS);
            if (!announced) {
                announced = true;
                log.info("Transactional producer {} uses transactions {} with coordinator {}",
                        transactions.transactionalId(), v2 ? "v2 (KIP-890)" : "v1", coordinator.node());
            }
        }
        // After the first, an InitProducerId bumps the epoch of the current id (KIP-360).
        long producerId = initialized ? identity.producerId() : -1L;
        short epoch = initialized ? identity.epoch() : -1;
        send(coordinator, new InitProducerIdRequest(transactions.transactionalId(), transactionTimeoutMs, producerId,
                epoch), new Reply(transactionCoordinator) {
                    @Override
                    void handle(Response response, long atNs) {
                        InitProducerIdResponse init = (InitProducerIdResponse) response;
                        if (init.errorCode() == KafkaError.NONE) {
                            identity.useEpoch(init.producerId(), init.producerEpoch());
                            initialized = true;
                            partitions.clear();
                            transactions.initialized();
                        } else {
                            retryOr(init.errorCode(), "InitProducerId", atNs, () -> replies.initFailed(init.errorCode()));
                        }
                    }
                }, nowNs);
    }

    private void addPartitions(long nowNs) {
        NodeConnection coordinator = coordinator(transactionCoordinator, nowNs);
        if (coordinator == null) {
            return;
        }
        List<TopicPartition> adding = partitions.takeToAdd();
        Map<String, List<Integer>> byTopic = new LinkedHashMap<>();
        for (TopicPartition tp : adding) {
            byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition());
        }
        List<AddPartitionsToTxnRequest.Topic> topics = new ArrayList<>();
        byTopic.forEach((topic, ids) -> topics.add(new AddPartitionsToTxnRequest.Topic(topic, ids)));
        send(coordinator, new AddPartitionsToTxnRequest(transactions.transactionalId(), identity.producerId(),
                identity.epoch(), topics), new Reply(transactionCoordinator) {
                    @Override
                    void handle(Response response, long atNs) {
                        short error = firstError(((AddPartitionsToTxnResponse) response).results());
                        if (error == KafkaError.NONE) {
                            partitions.added(adding);
                            return;
                        }
                        partitions.notAdded(adding);
                        if (error == KafkaError.CONCURRENT_TRANSACTIONS) {
                            // The previous transaction is still completing: ask again soon, not after a full backoff.
                            retryNotBeforeNs = atNs + CONCURRENT_TRANSACTIONS_BACKOFF_NS;
                            return;
                        }
                        retryOr(error, "AddPartitionsToTxn", atNs,
                                () -> replies.addPartitionsFailed(((AddPartitionsToTxnResponse) response).results()));
                    }

                    @Override
                    void lost() {
                        partitions.notAdded(adding);
                    }
                }, nowNs);
    }

    private void sendOffsets(TransactionOperation operation, long nowNs) {
        if (offsetsCall != operation) {
            offsetsCall = operation;
            offsetsAdded = identity.isTransactionsV2();
            offsetsLeft = new LinkedHashMap<>();
            operation.offsets().forEach((tp, offset) -> offsetsLeft.put(new TopicPartition(tp.topic(), tp.partition()),
                    offset));
        }
        String groupId = operation.group().groupId();
        if (!offsetsAdded) {
            NodeConnection coordinator = coordinator(transactionCoordinator, nowNs);
            if (coordinator != null) {
                send(coordinator, new AddOffsetsToTxnRequest(transactions.transactionalId(), identity.producerId(),
                        identity.epoch(), groupId), new Reply(transactionCoordinator) {
                            @Override
                            void handle(Response response, long atNs) {
                                short error = ((AddOffsetsToTxnResponse) response).errorCode();
                                if (error == KafkaError.NONE) {
                                    offsetsAdded = true;
                                    partitions.markStarted();
                                } else {
                                    retryOr(error, "AddOffsetsToTxn", atNs, () -> replies.addOffsetsFailed(error,
                                            groupId));
                                }
                            }
                        }, nowNs);
            }
            return;
        }
        CoordinatorLookup.Key groupCoordinator = new CoordinatorLookup.Key(CoordinatorType.GROUP, groupId);
        NodeConnection coordinator = coordinator(groupCoordinator, nowNs);
        if (coordinator != null) {
            send(coordinator, txnOffsetCommit(operation), new Reply(groupCoordinator) {
                @Override
                void handle(Response response, long atNs) {
                    offsetsCommitted(((TxnOffsetCommitResponse) response).results(), groupCoordinator, atNs);
                }
            }, nowNs);
        }
    }

    private TxnOffsetCommitRequest txnOffsetCommit(TransactionOperation operation) {
        Map<String, List<TxnOffsetCommitRequest.PartitionOffset>> byTopic = new LinkedHashMap<>();
        offsetsLeft.forEach((tp, offset) -> byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>())
                .add(new TxnOffsetCommitRequest.PartitionOffset(tp.partition(), offset.offset(),
                        offset.leaderEpoch().orElse(-1), offset.metadata())));
        List<TxnOffsetCommitRequest.Topic> topics = new ArrayList<>();
        byTopic.forEach((topic, offsets) -> topics.add(new TxnOffsetCommitRequest.Topic(topic, offsets)));
        var group = operation.group();
        return new TxnOffsetCommitRequest(transactions.transactionalId(), group.groupId(), identity.producerId(),
                identity.epoch(), group.generationId(), group.memberId(), group.groupInstanceId().orElse(null),
                topics);
    }

    private void offsetsCommitted(List<PartitionError> results, CoordinatorLookup.Key groupCoordinator, long nowNs) {
        boolean coordinatorMoved = false;
        for (PartitionError result : results) {
            short error = result.errorCode();
            if (error == KafkaError.NONE) {
                offsetsLeft.remove(new TopicPartition(result.topic(), result.partition()));
            } else if (TransactionReplies.coordinatorMoved(error) || error == KafkaError.REQUEST_TIMED_OUT) {
                coordinatorMoved = true;
            } else if (!TransactionReplies.isRetriable(error)) {
                offsetsCall = null;
                replies.offsetCommitFailed(error, groupCoordinator.key());
                return;
            }
        }
        if (offsetsLeft.isEmpty()) {
            offsetsCall = null;
            partitions.markStarted();
            transactions.offsetsSent();
            return;
        }
        // What is left is committed again, to the group's coordinator found again if it moved.
        if (coordinatorMoved) {
            coordinators.forget(groupCoordinator);
        }
        backOff(nowNs);
    }

    private void endTransaction(boolean commit, long nowNs) {
        if (!partitions.isStarted()) {
            // Nothing reached the coordinator: there is nothing for it to end.
            partitions.clear();
            transactions.ended();
            return;
        }
        NodeConnection coordinator = coordinator(transactionCoordinator, nowNs);
        if (coordinator == null) {
            return;
        }
        send(coordinator, new EndTxnRequest(transactions.transactionalId(), identity.producerId(), identity.epoch(),
                commit), new Reply(transactionCoordinator) {
                    @Override
                    void handle(Response response, long atNs) {
                        EndTxnResponse end = (EndTxnResponse) response;
                        if (end.errorCode() == KafkaError.NONE) {
                            if (end.producerId() >= 0) {
                                // Transactions v2: the coordinator bumped the epoch (or gave a new id) for the next.
                                identity.useEpoch(end.producerId(), end.producerEpoch());
                            }
                            partitions.clear();
                            transactions.ended();
                        } else {
                            retryOr(end.errorCode(), "EndTxn", atNs, () -> replies.endFailed(end.errorCode(), commit));
                        }
                    }
                }, nowNs);
    }

    // ---- plumbing ----

    /** The ready connection to a coordinator, or null after starting what is missing (a lookup, a connection). */
    private NodeConnection coordinator(CoordinatorLookup.Key key, long nowNs) {
        if (!coordinators.isKnown(key)) {
            if (coordinators.lookUp(key, this, nowNs)) {
                inFlight = true;
            } else {
                waitsForConnection = true;
            }
            return null;
        }
        NodeConnection connection = coordinators.readyConnection(key, nowNs);
        if (connection == null) {
            waitsForConnection = true;
        }
        return connection;
    }

    private void send(NodeConnection connection, Request request, Reply reply, long nowNs) {
        inFlight = true;
        channel.send(connection, request, reply, nowNs);
    }

    @Override
    public void found(long nowNs) {
        inFlight = false;
        retryNotBeforeNs = 0;
    }

    @Override
    public void failed(short errorCode, String message, long nowNs) {
        inFlight = false;
        if (TransactionReplies.isRetriable(errorCode) || errorCode == KafkaError.NETWORK_EXCEPTION) {
            backOff(nowNs);
        } else {
            replies.lookupFailed(errorCode, message);
        }
    }

    /** Retries after the backoff when {@code error} is retriable (finding a moved coordinator again); else {@code otherwise}. */
    private void retryOr(short error, String request, long nowNs, Runnable otherwise) {
        if (TransactionReplies.coordinatorMoved(error)) {
            // Find it again, after the backoff as Kafka's producer does: while __transaction_state is still being
            // created, asking at once made a FindCoordinator and InitProducerId round every few milliseconds.
            log.debug("{} of {} answered {}; finding the coordinator again", request, transactions.transactionalId(),
                    KafkaError.forCode(error));
            coordinators.forget(transactionCoordinator);
            backOff(nowNs);
        } else if (TransactionReplies.isRetriable(error)) {
            log.debug("{} of {} answered {}; retrying", request, transactions.transactionalId(),
                    KafkaError.forCode(error));
            backOff(nowNs);
        } else {
            otherwise.run();
        }
    }

    private void backOff(long nowNs) {
        retryNotBeforeNs = nowNs + settings.retryBackoffNs();
    }

    private static short firstError(List<PartitionError> results) {
        short first = KafkaError.NONE;
        for (PartitionError result : results) {
            if (result.errorCode() != KafkaError.NONE && result.errorCode() != TransactionReplies.OPERATION_NOT_ATTEMPTED) {
                return result.errorCode();
            }
            if (result.errorCode() != KafkaError.NONE) {
                first = result.errorCode();
            }
        }
        return first;
    }

    /** The producer is closing (or failed): the application's call still waiting fails with why. */
    @Override
    public void abort(RuntimeException error) {
        transactions.fatalError(error instanceof FatalProducerException fatal ? fatal
                : new FatalProducerException(error.getMessage(), error));
    }

    /** An answer from a coordinator; a lost connection forgets the coordinator and retries after the backoff. */
    private abstract class Reply implements ResponseHandler {
        private final CoordinatorLookup.Key coordinator;

        Reply(CoordinatorLookup.Key coordinator) {
            this.coordinator = coordinator;
        }

        abstract void handle(Response response, long nowNs);

        /** The request's answer will not come: undo what the request had taken on. */
        void lost() {
        }

        @Override
        public void onResponse(Response response, long nowNs) {
            inFlight = false;
            handle(response, nowNs);
        }

        @Override
        public void onFailure(String reason, long nowNs) {
            inFlight = false;
            lost();
            coordinators.forget(coordinator);
            backOff(nowNs);
        }
    }
}
