package io.odradek.domain.transaction;

import java.util.List;

import io.odradek.api.BrokerErrorException;
import io.odradek.api.FatalProducerException;
import io.odradek.api.OdradekException;
import io.odradek.api.ProducerFencedException;
import io.odradek.api.TransactionAbortedException;
import io.odradek.domain.accumulator.PartitionQueue;
import io.odradek.domain.accumulator.ProducerBatch;
import io.odradek.domain.idempotence.BatchErrorAction;
import io.odradek.domain.idempotence.IdAndEpoch;
import io.odradek.domain.idempotence.ProducerIdentity;
import io.odradek.domain.idempotence.SequenceBook;
import io.odradek.domain.port.RecordBatchFormat;
import io.odradek.domain.protocol.InitProducerIdRequest;
import io.odradek.domain.protocol.InitProducerIdResponse;
import io.odradek.domain.protocol.KafkaError;

/**
 * The transactional producer as the sender sees it: idempotent sequences under the id and epoch the transaction
 * coordinator gave (see {@link SequenceBook}), batches marked transactional, a partition's batches held until the
 * partition is in the transaction (transactions v1), and every failure turned into what it means for the
 * transaction: abort it, or close the producer. Its epoch never moves on its own: InitProducerId (KIP-360) and, with
 * transactions v2, every EndTxn give the next one. I/O thread only, but for what {@link Transactions} guards.
 */
public final class TransactionalIdentity implements ProducerIdentity {
    private final Transactions transactions;
    private final TransactionPartitions partitions;
    private final SequenceBook sequences = new SequenceBook();
    private IdAndEpoch current = IdAndEpoch.NONE;
    private boolean transactionsV2;
    private boolean coordinatorBumpsEpochs;

    public TransactionalIdentity(Transactions transactions, TransactionPartitions partitions) {
        this.transactions = transactions;
        this.partitions = partitions;
    }

    /** The coordinator gave an id and epoch; nothing of the transaction is unfinished, so sequences start over. */
    public void useEpoch(long producerId, short epoch) {
        current = new IdAndEpoch(producerId, epoch);
        sequences.clear();
    }

    public long producerId() {
        return current.producerId();
    }

    public short epoch() {
        return current.epoch();
    }

    /**
     * How the producer talks to its coordinator, learnt when it initialised.
     *
     * @param v2          transactions v2 (KIP-890): Produce adds partitions, every EndTxn bumps the epoch
     * @param bumpsEpochs the coordinator takes InitProducerId with the current id and epoch (v3+, KIP-360), so a
     *                    transaction v1 that went wrong can be aborted and the producer go on
     */
    public void coordinatorSpeaks(boolean v2, boolean bumpsEpochs) {
        this.transactionsV2 = v2;
        this.coordinatorBumpsEpochs = bumpsEpochs;
    }

    public boolean isTransactionsV2() {
        return transactionsV2;
    }

    /** Whether the producer can recover from an abortable error in this mode; if not, every such error is fatal. */
    public boolean canRecoverFromAbortableError() {
        return transactionsV2 || coordinatorBumpsEpochs;
    }

    /** Whether recovering from an abortable error takes a client-side epoch bump (transactions v1). */
    public boolean recoveryBumpsEpoch() {
        return !transactionsV2 && coordinatorBumpsEpochs;
    }

    @Override
    public boolean readyToProduce() {
        // While aborting, retries already in flight must still finish: their sequences must not be left open.
        return current.isKnown() && transactions.state().isTransactionOpen();
    }

    @Override
    public InitProducerIdRequest initRequest(long nowNs) {
        return null;
    }

    @Override
    public void onInitResponse(InitProducerIdResponse response, long nowNs) {
        throw new IllegalStateException("the transaction coordinator's InitProducerId is the transaction exchange's");
    }

    @Override
    public void onInitFailed(long nowNs) {
        throw new IllegalStateException("the transaction coordinator's InitProducerId is the transaction exchange's");
    }

    @Override
    public long nextInitAttemptNs() {
        return Long.MAX_VALUE;
    }

    @Override
    public List<ProducerBatch> maybeBumpEpoch() {
        return List.of();
    }

    @Override
    public boolean mayDrain(PartitionQueue queue) {
        if (!queue.orderAllowsDrain()) {
            return false;
        }
        ProducerBatch first = queue.peekFirst();
        if (first == null) {
            return false;
        }
        if (first.hasSequence()) {
            return true;
        }
        if (!transactionsV2 && !partitions.isAdded(queue.topicPartition())) {
            partitions.needs(queue.topicPartition());
            return false;
        }
        return sequences.mayAssign(queue.topicPartition(), current);
    }

    @Override
    public void stamp(ProducerBatch batch, RecordBatchFormat format) {
        sequences.stamp(batch, current, format, true);
        // With v2 a batch's Produce adds its partition to the transaction: it has started.
        partitions.markStarted();
    }

    @Override
    public void onAcknowledged(ProducerBatch batch) {
        if (sequences.acknowledged(batch)) {
            unresolvedSequence(batch);
        }
    }

    @Override
    public BatchErrorAction onError(ProducerBatch batch, short errorCode) {
        switch (errorCode) {
            case KafkaError.DUPLICATE_SEQUENCE_NUMBER:
                return BatchErrorAction.TREAT_AS_SUCCESS;
            case KafkaError.OUT_OF_ORDER_SEQUENCE_NUMBER:
                return switch (sequences.outOfOrder(batch)) {
                    case WRITTEN_ALREADY -> BatchErrorAction.TREAT_AS_SUCCESS;
                    case WAITS_FOR_EARLIER -> BatchErrorAction.RETRY;
                    // The broker's sequence is not where ours is: only a new epoch goes on, after an abort.
                    case GAP -> BatchErrorAction.FAIL;
                };
            case KafkaError.UNKNOWN_PRODUCER_ID, KafkaError.INVALID_PRODUCER_EPOCH, KafkaError.PRODUCER_FENCED,
                 KafkaError.TRANSACTION_ABORTABLE:
                return BatchErrorAction.FAIL;
            default:
                return KafkaError.isRetriable(errorCode) ? BatchErrorAction.RETRY : BatchErrorAction.FAIL;
        }
    }

    @Override
    public void onFailed(ProducerBatch batch, RuntimeException error) {
        // Whatever the failure does to the partition's sequences, the transaction's end resets them: a new epoch
        // (a v1 abort after an error bumps it, every v2 EndTxn does).
        sequences.failed(batch);
        if (error instanceof TransactionAbortedException) {
            return;
        }
        short code = error instanceof BrokerErrorException broker ? broker.errorCode() : KafkaError.NONE;
        if (error instanceof ProducerFencedException fenced) {
            transactions.fatalError(fenced);
        } else if (code == KafkaError.TRANSACTIONAL_ID_AUTHORIZATION_FAILED
                || code == KafkaError.CLUSTER_AUTHORIZATION_FAILED) {
            transactions.fatalError(new FatalProducerException(error.getMessage(), error));
        } else {
            // Any record of the transaction failing means the transaction cannot commit: the app aborts it.
            transactionCannotCommit(error);
        }
    }

    private void unresolvedSequence(ProducerBatch batch) {
        transactionCannotCommit(new OdradekException("A batch of " + batch.topicPartition() + " failed and whether"
                + " it is in the log is unknown; the transaction cannot commit"));
    }

    /**
     * Something of the open transaction failed: the application must abort it. A coordinator that can neither bump
     * epochs nor speaks transactions v2 leaves no way to recover from that, so then the producer cannot go on.
     */
    public void transactionCannotCommit(RuntimeException cause) {
        if (canRecoverFromAbortableError()) {
            transactions.abortableError(cause, recoveryBumpsEpoch());
        } else {
            transactions.fatalError(new FatalProducerException(cause.getMessage() + "; the transaction coordinator"
                    + " cannot bump the producer epoch (InitProducerId v3+), so the producer cannot recover", cause));
        }
    }

    @Override
    public RuntimeException abortUnsentWith() {
        TransactionState state = transactions.state();
        if (state == TransactionState.ABORTING || state == TransactionState.ABORTABLE_ERROR) {
            return new TransactionAbortedException("Not sent: the transaction of transactional.id "
                    + transactions.transactionalId() + " is being aborted", null);
        }
        return null;
    }

    @Override
    public boolean drainsWithoutLinger() {
        TransactionState state = transactions.state();
        return state == TransactionState.COMMITTING || state == TransactionState.ABORTING;
    }

    @Override
    public String transactionalId() {
        return transactions.transactionalId();
    }
}
