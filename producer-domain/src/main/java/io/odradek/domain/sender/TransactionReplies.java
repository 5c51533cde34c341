package io.odradek.domain.sender;

import java.util.List;
import java.util.Set;

import io.odradek.api.BrokerErrorException;
import io.odradek.api.FatalProducerException;
import io.odradek.api.ProducerFencedException;
import io.odradek.domain.protocol.KafkaError;
import io.odradek.domain.protocol.PartitionError;
import io.odradek.domain.transaction.TransactionalIdentity;
import io.odradek.domain.transaction.Transactions;

/**
 * What a coordinator's error means for the transactional producer, grouped as KIP-1050 groups them: retriable
 * (asked again after a backoff, the coordinator found again if it moved), abortable (the application aborts the
 * transaction and goes on), fatal (the producer can only be closed: fenced by a newer instance, not authorized).
 */
final class TransactionReplies {
    static final short OPERATION_NOT_ATTEMPTED = 55;
    private static final short ILLEGAL_GENERATION = 22;
    private static final short UNKNOWN_MEMBER_ID = 25;
    private static final short GROUP_AUTHORIZATION_FAILED = 30;
    private static final short UNSUPPORTED_FOR_MESSAGE_FORMAT = 43;
    private static final short FENCED_INSTANCE_ID = 82;
    /** The transactional id's state itself is not what the producer's is: nothing it sends can be trusted. */
    private static final Set<Short> FATAL = Set.of(KafkaError.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
            KafkaError.CLUSTER_AUTHORIZATION_FAILED, KafkaError.INVALID_TXN_STATE,
            KafkaError.INVALID_PRODUCER_ID_MAPPING, UNSUPPORTED_FOR_MESSAGE_FORMAT, KafkaError.UNSUPPORTED_VERSION);

    private final Transactions transactions;
    private final TransactionalIdentity identity;

    TransactionReplies(Transactions transactions, TransactionalIdentity identity) {
        this.transactions = transactions;
        this.identity = identity;
    }

    /** The coordinator is elsewhere now (or not up): find it again and ask again. */
    static boolean coordinatorMoved(short error) {
        return error == KafkaError.NOT_COORDINATOR || error == KafkaError.COORDINATOR_NOT_AVAILABLE;
    }

    /** Asking again later may succeed (CONCURRENT_TRANSACTIONS, COORDINATOR_LOAD_IN_PROGRESS, ...). */
    static boolean isRetriable(short error) {
        return coordinatorMoved(error) || KafkaError.isRetriable(error);
    }

    void initFailed(short error) {
        failed(error, "InitProducerId", "");
    }

    void addPartitionsFailed(List<PartitionError> results) {
        StringBuilder refused = new StringBuilder();
        short worst = KafkaError.NONE;
        for (PartitionError result : results) {
            if (result.errorCode() == KafkaError.NONE || result.errorCode() == OPERATION_NOT_ATTEMPTED) {
                continue;
            }
            refused.append(refused.isEmpty() ? "" : ", ").append(result.topic()).append('-')
                    .append(result.partition()).append(": ").append(KafkaError.forCode(result.errorCode()));
            if (worst == KafkaError.NONE || isFencing(result.errorCode()) || FATAL.contains(result.errorCode())) {
                worst = result.errorCode();
            }
        }
        failed(worst, "AddPartitionsToTxn", " (" + refused + ")");
    }

    void addOffsetsFailed(short error, String groupId) {
        failed(error, "AddOffsetsToTxn", " for group " + groupId);
    }

    void offsetCommitFailed(short error, String groupId) {
        if (error == UNKNOWN_MEMBER_ID || error == ILLEGAL_GENERATION || error == FENCED_INSTANCE_ID) {
            identity.transactionCannotCommit(brokerError(error, "TxnOffsetCommit for group " + groupId + " was refused:"
                    + " the consumer's group metadata is stale (it was fenced from its group); its offsets cannot"
                    + " commit with this transaction"));
            return;
        }
        failed(error, "TxnOffsetCommit", " for group " + groupId);
    }

    void endFailed(short error, boolean commit) {
        if (!commit && !isFencing(error) && !FATAL.contains(error)) {
            // A transaction that cannot even be aborted leaves the producer nothing to go on with.
            transactions.fatalError(new FatalProducerException("EndTxn(abort) of transactional.id "
                    + transactions.transactionalId() + " failed with " + KafkaError.forCode(error), null));
            return;
        }
        failed(error, commit ? "EndTxn(commit)" : "EndTxn(abort)", "");
    }

    void lookupFailed(short error, String message) {
        if (error == GROUP_AUTHORIZATION_FAILED) {
            identity.transactionCannotCommit(brokerError(error, "the consumer group is not authorized"
                    + (message == null ? "" : ": " + message)));
            return;
        }
        failed(error, "FindCoordinator", message == null ? "" : " (" + message + ")");
    }

    private void failed(short error, String request, String detail) {
        String what = request + " of transactional.id " + transactions.transactionalId() + " failed with "
                + KafkaError.forCode(error) + detail;
        if (isFencing(error)) {
            transactions.fatalError(new ProducerFencedException(what + ": another producer with the same"
                    + " transactional.id has started, or the coordinator ended this producer's epoch (a transaction left"
                    + " open past transaction.timeout.ms). Close this producer."));
        } else if (FATAL.contains(error)) {
            transactions.fatalError(new FatalProducerException(what + "; the producer cannot go on", brokerError(error,
                    what)));
        } else {
            identity.transactionCannotCommit(brokerError(error, what));
        }
    }

    private static boolean isFencing(short error) {
        return error == KafkaError.PRODUCER_FENCED || error == KafkaError.INVALID_PRODUCER_EPOCH;
    }

    private static BrokerErrorException brokerError(short error, String message) {
        KafkaError kafkaError = KafkaError.forCode(error);
        return new BrokerErrorException(kafkaError.code(), kafkaError.name(), message);
    }
}
