package io.odradek.domain.transaction;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.odradek.api.ConsumerGroupMetadata;
import io.odradek.api.FatalProducerException;
import io.odradek.api.OdradekException;
import io.odradek.api.OffsetAndMetadata;
import io.odradek.api.ProducerFencedException;
import io.odradek.api.TimeoutException;
import io.odradek.api.TopicPartition;
import io.odradek.api.TransactionAbortableException;
import io.odradek.domain.log.LogContext;
import io.odradek.domain.log.ProducerLog;

/**
 * A transactional producer's state machine (KIP-98): the application's calls check and move the state and hand
 * their work to the I/O thread as a {@link TransactionOperation}; the I/O thread reports what the coordinator said.
 * Every transition is checked against {@link TransactionState}'s table, and a call the state forbids is refused with
 * an error that names the state.
 *
 * <p>Thread-safe: application threads and the I/O thread meet under this object's monitor; {@link #state} is
 * volatile so that {@code send()} can check it without the lock.
 */
public final class Transactions implements TransactionSupport {
    private final ProducerLog log;

    private final String transactionalId;
    private final long maxBlockNs;
    private final Runnable wakeup;

    private volatile TransactionState state = TransactionState.UNINITIALIZED;
    private RuntimeException lastError;
    /** The application's call the I/O thread is working on, until the application has seen it finish. */
    private TransactionOperation pending;
    /** Transactions v1 after an abortable error: the next epoch must come from InitProducerId (KIP-360). */
    private boolean epochBumpRequired;

    /**
     * @param wakeup wakes the I/O thread when there is work for it
     */
    public Transactions(String transactionalId, long maxBlockNs, Runnable wakeup, LogContext logContext) {
        this.log = logContext.logger(Transactions.class);
        this.transactionalId = transactionalId;
        this.maxBlockNs = maxBlockNs;
        this.wakeup = wakeup;
    }

    public String transactionalId() {
        return transactionalId;
    }

    public TransactionState state() {
        return state;
    }

    // ---- the application's calls ----

    @Override
    public void initTransactions() {
        await(begin(TransactionOperation.Kind.INIT, () -> {
            requireState("initTransactions", TransactionState.UNINITIALIZED);
            moveTo(TransactionState.INITIALIZING);
            return new TransactionOperation(TransactionOperation.Kind.INIT);
        }));
    }

    @Override
    public synchronized void beginTransaction() {
        throwIfPending("beginTransaction");
        throwIfFailed("beginTransaction");
        requireState("beginTransaction", TransactionState.READY);
        moveTo(TransactionState.IN_TRANSACTION);
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        if (offsets == null || group == null) {
            throw new IllegalArgumentException("sendOffsetsToTransaction needs offsets and the consumer group's"
                    + " metadata" + (group == null ? " (groupMetadata is null)" : " (offsets is null)"));
        }
        await(begin(TransactionOperation.Kind.SEND_OFFSETS, () -> {
            throwIfFailed("sendOffsetsToTransaction");
            requireState("sendOffsetsToTransaction", TransactionState.IN_TRANSACTION);
            return new TransactionOperation(TransactionOperation.Kind.SEND_OFFSETS, offsets, group);
        }));
    }

    @Override
    public void commitTransaction() {
        await(begin(TransactionOperation.Kind.COMMIT, () -> {
            throwIfFailed("commitTransaction");
            requireState("commitTransaction", TransactionState.IN_TRANSACTION);
            moveTo(TransactionState.COMMITTING);
            return new TransactionOperation(TransactionOperation.Kind.COMMIT);
        }));
    }

    @Override
    public void abortTransaction() {
        await(begin(TransactionOperation.Kind.ABORT, this::startAbort));
    }

    /**
     * close() with a transaction open: it is aborted (as Kafka's producer does), without waiting here; the close
     * waits for it with its own timeout. False if there was nothing to abort.
     */
    @Override
    public synchronized boolean abortOnClose() {
        if (pending != null || (state != TransactionState.IN_TRANSACTION
                && state != TransactionState.ABORTABLE_ERROR)) {
            return false;
        }
        log.info("Aborting the open transaction of transactional.id {} as the producer closes", transactionalId);
        pending = startAbort();
        wakeup.run();
        return true;
    }

    /** Whether the I/O thread has an application call left to finish (close waits for it). */
    @Override
    public synchronized boolean hasPendingOperation() {
        return pending != null && !pending.isDone();
    }

    /**
     * Checked on every send: records may be sent only in an open transaction. A record sent when the transaction
     * (or the producer) cannot go on fails with why; one sent outside a transaction is a programming error.
     */
    @Override
    public RuntimeException checkSend(String topic) {
        TransactionState current = state;
        if (current == TransactionState.IN_TRANSACTION) {
            return null;
        }
        synchronized (this) {
            if (state == TransactionState.IN_TRANSACTION) {
                return null;
            }
            if (state == TransactionState.FATAL_ERROR) {
                return fatal();
            }
            if (state == TransactionState.ABORTABLE_ERROR) {
                return new TransactionAbortableException("Cannot send to topic " + topic + ": the transaction of "
                        + "transactional.id " + transactionalId + " must be aborted first (" + lastError.getMessage()
                        + ")", lastError);
            }
            throw new IllegalStateException("Cannot send to topic " + topic + " in transaction state " + state
                    + (state == TransactionState.READY ? ": call beginTransaction() first"
                    : state == TransactionState.UNINITIALIZED ? ": call initTransactions() first" : ""));
        }
    }

    private TransactionOperation startAbort() {
        throwIfFatal();
        if (state != TransactionState.IN_TRANSACTION && state != TransactionState.ABORTABLE_ERROR) {
            throw new IllegalStateException("Cannot abortTransaction in transaction state " + state
                    + ": no transaction is open");
        }
        moveTo(TransactionState.ABORTING);
        return new TransactionOperation(TransactionOperation.Kind.ABORT);
    }

    /**
     * Starts the application's call, or, if the same call timed out earlier, returns that one: to wait on again if
     * it is still under way, for its outcome if it has finished since (as Kafka's producer does, rather than starting
     * anew in a state it already left: "initialised already"). A finished call of another kind is forgotten.
     */
    private synchronized TransactionOperation begin(TransactionOperation.Kind kind, StartCall start) {
        if (pending != null && pending.isDone() && pending.kind() != kind) {
            pending = null;
        }
        if (pending != null) {
            if (pending.kind() != kind) {
                throw new IllegalStateException("Cannot " + kind.method() + ": the earlier call to "
                        + pending.kind().method() + " timed out and is still under way; call it again to wait for it");
            }
            return pending;
        }
        pending = start.start();
        wakeup.run();
        return pending;
    }

    private void await(TransactionOperation operation) {
        boolean done;
        try {
            done = operation.await(maxBlockNs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OdradekException("Interrupted while waiting for " + operation.kind().method(), e);
        }
        if (!done) {
            throw new TimeoutException(operation.kind().method() + " did not finish within "
                    + TimeUnit.NANOSECONDS.toMillis(maxBlockNs) + " ms (max.block.ms); call it again to go on waiting");
        }
        synchronized (this) {
            if (pending == operation) {
                pending = null;
            }
        }
        RuntimeException error = operation.error();
        if (error != null) {
            throw error;
        }
    }

    // ---- the I/O thread's side ----

    /** The application's call to carry out, or null. */
    public synchronized TransactionOperation pendingOperation() {
        return pending == null || pending.isDone() ? null : pending;
    }

    /** Whether the epoch must be bumped (transactions v1, after an abortable error) once the transaction ended. */
    public synchronized boolean epochBumpRequired() {
        return epochBumpRequired;
    }

    /** InitProducerId succeeded: the producer has its id and epoch. */
    public synchronized void initialized() {
        epochBumpRequired = false;
        moveTo(TransactionState.READY);
        complete(TransactionOperation.Kind.INIT);
        // An abort that had to bump the epoch is done only now.
        complete(TransactionOperation.Kind.ABORT);
    }

    /**
     * EndTxn succeeded: the transaction is committed or aborted. True if the producer must now bump its epoch
     * before the next transaction (it went to INITIALIZING, and the abort completes once that is done).
     */
    public synchronized boolean ended() {
        if (epochBumpRequired) {
            moveTo(TransactionState.INITIALIZING);
            return true;
        }
        moveTo(TransactionState.READY);
        complete(TransactionOperation.Kind.COMMIT);
        complete(TransactionOperation.Kind.ABORT);
        return false;
    }

    /** The offsets were committed with the transaction. */
    public synchronized void offsetsSent() {
        complete(TransactionOperation.Kind.SEND_OFFSETS);
    }

    /**
     * The open transaction cannot commit (a record failed, a request was refused): the application must abort.
     *
     * @param bumpEpoch transactions v1 with a coordinator that can bump epochs: the abort is followed by a new epoch
     */
    public synchronized void abortableError(RuntimeException cause, boolean bumpEpoch) {
        if (state == TransactionState.FATAL_ERROR) {
            return;
        }
        if (state == TransactionState.ABORTING) {
            log.debug("Transaction of {} already aborting; ignoring {}", transactionalId, cause.toString());
            epochBumpRequired |= bumpEpoch;
            return;
        }
        if (!state.mayMoveTo(TransactionState.ABORTABLE_ERROR)) {
            // Outside a transaction (InitProducerId, say) nothing can be aborted: the producer cannot go on.
            fatalError(new FatalProducerException("Transactional producer " + transactionalId + " failed in state "
                    + state + ": " + cause.getMessage(), cause));
            return;
        }
        log.info("Transaction of transactional.id {} must be aborted: {}", transactionalId, cause.getMessage());
        epochBumpRequired |= bumpEpoch;
        TransactionAbortableException error = cause instanceof TransactionAbortableException abortable ? abortable
                : new TransactionAbortableException("The transaction of transactional.id " + transactionalId
                + " must be aborted: " + cause.getMessage(), cause);
        lastError = error;
        moveTo(TransactionState.ABORTABLE_ERROR);
        failPending(error, TransactionOperation.Kind.COMMIT, TransactionOperation.Kind.SEND_OFFSETS);
    }

    /** The producer cannot go on (fenced, not authorized): every later call fails with {@code cause}. */
    public synchronized void fatalError(FatalProducerException cause) {
        if (state == TransactionState.FATAL_ERROR) {
            return;
        }
        log.warn("Transactional producer {} cannot go on: {}", transactionalId, cause.getMessage());
        lastError = cause;
        state = TransactionState.FATAL_ERROR;
        if (pending != null) {
            pending.fail(cause);
        }
    }

    /** An application call failed without changing the state (a retriable wait ran out, say). */
    public synchronized void operationFailed(RuntimeException cause) {
        if (pending != null) {
            pending.fail(cause);
        }
    }

    /** The error the producer is failed with, if it is; sends fail fast with it. */
    public synchronized FatalProducerException fatalErrorOrNull() {
        return state == TransactionState.FATAL_ERROR ? fatal() : null;
    }

    // ---- helpers, under the monitor ----

    private void complete(TransactionOperation.Kind kind) {
        if (pending != null && pending.kind() == kind) {
            pending.succeed();
        }
    }

    private void failPending(RuntimeException error, TransactionOperation.Kind... kinds) {
        if (pending == null) {
            return;
        }
        for (TransactionOperation.Kind kind : kinds) {
            if (pending.kind() == kind) {
                pending.fail(error);
            }
        }
    }

    private void moveTo(TransactionState target) {
        if (!state.mayMoveTo(target)) {
            throw new IllegalStateException("Transactional producer " + transactionalId + " cannot move from state "
                    + state + " to " + target);
        }
        log.debug("Transaction of {}: {} -> {}", transactionalId, state, target);
        state = target;
        if (target != TransactionState.ABORTABLE_ERROR) {
            lastError = null;
        }
    }

    private void requireState(String method, TransactionState expected) {
        throwIfFatal();
        if (state != expected) {
            throw new IllegalStateException("Cannot " + method + " in transaction state " + state + hint(method));
        }
    }

    private String hint(String method) {
        return switch (state) {
            case UNINITIALIZED -> ": call initTransactions() first";
            case READY -> method.equals("initTransactions") ? ": it was initialised already"
                    : ": call beginTransaction() first";
            case IN_TRANSACTION -> method.equals("beginTransaction")
                    ? ": a transaction is open already; commit or abort it first" : "";
            case ABORTABLE_ERROR -> ": the transaction must be aborted first";
            case COMMITTING, ABORTING, INITIALIZING -> ": the previous call is still under way";
            default -> "";
        };
    }

    private void throwIfPending(String method) {
        if (pending != null && !pending.isDone()) {
            throw new IllegalStateException("Cannot " + method + ": the earlier call to " + pending.kind().method()
                    + " timed out and is still under way; call it again to wait for it");
        }
    }

    private void throwIfFailed(String method) {
        throwIfFatal();
        if (state == TransactionState.ABORTABLE_ERROR) {
            throw new TransactionAbortableException("Cannot " + method + ": the transaction of transactional.id "
                    + transactionalId + " must be aborted first (" + lastError.getMessage() + ")", lastError);
        }
    }

    private void throwIfFatal() {
        if (state == TransactionState.FATAL_ERROR) {
            throw fatal();
        }
    }

    /** A fresh exception of the fatal error's kind, so the stack trace shows the call that met it. */
    private FatalProducerException fatal() {
        if (lastError instanceof ProducerFencedException) {
            return new ProducerFencedException("Transactional producer " + transactionalId + " was fenced: "
                    + lastError.getMessage());
        }
        return new FatalProducerException("Transactional producer " + transactionalId + " cannot go on: "
                + lastError.getMessage(), lastError);
    }

    @FunctionalInterface
    private interface StartCall {
        TransactionOperation start();
    }
}
