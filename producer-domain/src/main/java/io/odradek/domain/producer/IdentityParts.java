package io.odradek.domain.producer;

import io.odradek.api.ProducerConfig;
import io.odradek.domain.idempotence.Idempotence;
import io.odradek.domain.log.LogContext;
import io.odradek.domain.idempotence.NoIdempotence;
import io.odradek.domain.idempotence.ProducerIdentity;
import io.odradek.domain.sender.TransactionWiring;
import io.odradek.domain.transaction.NoTransactions;
import io.odradek.domain.transaction.TransactionPartitions;
import io.odradek.domain.transaction.TransactionSupport;
import io.odradek.domain.transaction.TransactionalIdentity;
import io.odradek.domain.transaction.Transactions;

/**
 * Who the producer is to the broker, chosen once from {@code transactional.id} and {@code enable.idempotence}: the
 * identity the sender stamps batches with, what the transactional calls reach, and what the sender needs to talk
 * to transaction coordinators.
 */
record IdentityParts(ProducerIdentity identity, TransactionSupport transactions, TransactionWiring wiring) {

    /** @param wakeup wakes the I/O thread (a transactional call has work for it) */
    static IdentityParts from(ProducerConfig config, Runnable wakeup, LogContext log) {
        int transactionTimeoutMs = (int) config.transactionTimeout().toMillis();
        if (config.transactionalId().isPresent()) {
            Transactions transactions = new Transactions(config.transactionalId().get(), config.maxBlock().toNanos(),
                    wakeup, log);
            TransactionPartitions partitions = new TransactionPartitions();
            TransactionalIdentity identity = new TransactionalIdentity(transactions, partitions);
            return new IdentityParts(identity, transactions,
                    TransactionWiring.of(transactions, identity, partitions, transactionTimeoutMs));
        }
        ProducerIdentity identity = config.idempotenceEnabled()
                ? new Idempotence(transactionTimeoutMs, config.retryBackoff().toNanos(), log)
                : new NoIdempotence();
        return new IdentityParts(identity, new NoTransactions(), TransactionWiring.none());
    }
}
