package io.odradek.domain.sender;

import java.util.List;

import io.odradek.domain.accumulator.ProducerBuffers;
import io.odradek.domain.transaction.TransactionPartitions;
import io.odradek.domain.transaction.TransactionalIdentity;
import io.odradek.domain.transaction.Transactions;

/**
 * What the sender needs to talk to transaction coordinators, if the producer has a {@code transactional.id}:
 * {@link #none()} adds no exchange, {@link #of} the {@link TransactionExchange}.
 */
public final class TransactionWiring {
    private final Transactions transactions;
    private final TransactionalIdentity identity;
    private final TransactionPartitions partitions;
    private final int transactionTimeoutMs;

    private TransactionWiring(Transactions transactions, TransactionalIdentity identity,
                              TransactionPartitions partitions, int transactionTimeoutMs) {
        this.transactions = transactions;
        this.identity = identity;
        this.partitions = partitions;
        this.transactionTimeoutMs = transactionTimeoutMs;
    }

    /** A producer without transactions. */
    public static TransactionWiring none() {
        return new TransactionWiring(null, null, null, 0);
    }

    public static TransactionWiring of(Transactions transactions, TransactionalIdentity identity,
                                       TransactionPartitions partitions, int transactionTimeoutMs) {
        return new TransactionWiring(transactions, identity, partitions, transactionTimeoutMs);
    }

    List<Exchange> exchanges(RequestChannel channel, ProducerBuffers buffers, SenderSettings settings) {
        if (transactions == null) {
            return List.of();
        }
        return List.of(new TransactionExchange(transactions, identity, partitions, channel, buffers, settings,
                transactionTimeoutMs));
    }
}
