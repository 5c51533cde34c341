package io.odradek.it.transactions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;

/** What the cluster says about transactions, through Apache Kafka's Admin client: the independent witness. */
final class TransactionStates {
    private static final long CALL_SECONDS = 30;

    private TransactionStates() {
    }

    /** Waits until the coordinator aborted the transactional id's transaction on its own (its timeout passed). */
    static void awaitAbortedByTheBroker(String bootstrapServers, String transactionalId, Duration timeout)
            throws Exception {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin(bootstrapServers)) {
            while (true) {
                TransactionDescription description = admin.describeTransactions(List.of(transactionalId))
                        .description(transactionalId).get(CALL_SECONDS, TimeUnit.SECONDS);
                if (description.state() == TransactionState.COMPLETE_ABORT) {
                    return;
                }
                if (System.nanoTime() - deadlineNs > 0) {
                    throw new AssertionError("transaction of " + transactionalId + " still " + description.state()
                            + " after " + timeout);
                }
                Thread.sleep(100); // polling interval of a condition with a deadline
            }
        }
    }

    /** The cluster's finalized transaction.version (2 means transactions v2, KIP-890), 0 if it has none. */
    static short transactionVersion(String bootstrapServers) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            Map<String, FinalizedVersionRange> features = admin.describeFeatures().featureMetadata()
                    .get(CALL_SECONDS, TimeUnit.SECONDS).finalizedFeatures();
            FinalizedVersionRange level = features.get("transaction.version");
            return level == null ? 0 : level.maxVersionLevel();
        }
    }

    /** The epochs of the producers the partition's leader knows. */
    static List<Integer> producerEpochs(String bootstrapServers, TopicPartition partition) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            return admin.describeProducers(List.of(partition)).partitionResult(partition)
                    .get(CALL_SECONDS, TimeUnit.SECONDS).activeProducers().stream().map(ProducerState::producerEpoch)
                    .toList();
        }
    }

    private static Admin admin(String bootstrapServers) {
        Properties props = new Properties();
        props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, "odradek-it-transaction-states");
        return Admin.create(props);
    }
}
