package io.odradek.domain.transaction;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a transactional producer is, with the moves allowed out of each state: the table every transition is
 * checked against.
 *
 * <pre>
 * UNINITIALIZED --initTransactions--> INITIALIZING --id and epoch--> READY --beginTransaction--> IN_TRANSACTION
 * IN_TRANSACTION --commitTransaction--> COMMITTING --> READY (or INITIALIZING when the epoch must be bumped)
 * IN_TRANSACTION / ABORTABLE_ERROR --abortTransaction--> ABORTING --> READY (or INITIALIZING)
 * IN_TRANSACTION / COMMITTING --a failed record, a refused request--> ABORTABLE_ERROR
 * any --fenced, not authorized--> FATAL_ERROR (the producer can only be closed)
 * </pre>
 */
public enum TransactionState {
    UNINITIALIZED,
    INITIALIZING,
    READY,
    IN_TRANSACTION,
    COMMITTING,
    ABORTING,
    ABORTABLE_ERROR,
    FATAL_ERROR;

    /** Whether the producer may move from this state to {@code target}. */
    public boolean mayMoveTo(TransactionState target) {
        return target == FATAL_ERROR || sources(target).contains(this);
    }

    private static Set<TransactionState> sources(TransactionState target) {
        return switch (target) {
            case UNINITIALIZED, FATAL_ERROR -> EnumSet.noneOf(TransactionState.class);
            // After a commit or abort, the epoch is bumped (transactions v1, after an abortable error).
            case INITIALIZING -> EnumSet.of(UNINITIALIZED, COMMITTING, ABORTING);
            case READY -> EnumSet.of(INITIALIZING, COMMITTING, ABORTING);
            case IN_TRANSACTION -> EnumSet.of(READY);
            case COMMITTING -> EnumSet.of(IN_TRANSACTION);
            case ABORTING -> EnumSet.of(IN_TRANSACTION, ABORTABLE_ERROR);
            case ABORTABLE_ERROR -> EnumSet.of(IN_TRANSACTION, COMMITTING, ABORTABLE_ERROR);
        };
    }

    /** Whether a transaction is open: begun and neither committed nor aborted yet. */
    public boolean isTransactionOpen() {
        return this == IN_TRANSACTION || this == COMMITTING || this == ABORTING || this == ABORTABLE_ERROR;
    }
}
