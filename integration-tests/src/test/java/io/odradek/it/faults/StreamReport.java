package io.odradek.it.faults;

import java.util.Map;
import java.util.Set;

/**
 * The figures of one producer in one scenario, as RELIABILITY.md reports them: what the producer said about
 * its records ({@link Delivery}) and what the log holds ({@link LogCheck}).
 *
 * @param scenario   the scenario's name
 * @param workload   what the stream sent, e.g. {@code keyed, 2000/s}
 * @param contestant which producer with which settings
 * @param delivery   the producer's side
 * @param log        the log's side, read back with Kafka's consumer
 * @param outcomes   every record's outcome, for scenario-specific checks
 */
record StreamReport(String scenario, String workload, Contestant contestant, Delivery delivery, LogCheck log,
                    StreamOutcomes outcomes) {

    /**
     * @param sent                      records handed to the producer
     * @param acknowledged              records the producer reported as written
     * @param failed                    records the producer reported as failed
     * @param noOutcome                 records with neither outcome when the scenario's deadline passed
     * @param completedTwice            completions of records that had their outcome already
     * @param acknowledgedLateAfterSend records acknowledged more than delivery.timeout.ms after send() returned:
     *                                  Kafka documents the timeout as the bound on reporting an outcome
     * @param acknowledgedLate          records acknowledged more than delivery.timeout.ms after they were due
     *                                  (by the stream's schedule; flat out, when sent): kept past that deadline
     *                                  in the producer's buffer or, before send() returned, in the caller's thread
     * @param longestSendMs             the longest a send() call held the sending thread
     * @param dueButUnsent              records the stream's schedule made due more than delivery.timeout.ms before
     *                                  it stopped that were never sent, held back by a blocking send()
     * @param failures                  failed records by kind of error
     * @param examples                  the first whole message of each kind of error
     */
    record Delivery(int sent, int acknowledged, int failed, int noOutcome, int completedTwice,
                    int acknowledgedLateAfterSend, int acknowledgedLate, long longestSendMs, int dueButUnsent,
                    Map<ErrorKind, Integer> failures, Map<ErrorKind, String> examples) {
    }

    /**
     * @param readBack          records in the log, duplicates included
     * @param lost              acknowledged records missing from the log
     * @param duplicated        copies of a record beyond the first
     * @param reordered         records found after a record sent later, in the same partition
     * @param misplaced         acknowledged records present, but not at the partition and offset acknowledged
     * @param failedButPresent  records reported as failed that are in the log anyway
     * @param notPersistedButPresent of those, records whose error said no attempt was written
     *                          ({@code Persistence.NOT_PERSISTED}): a broken promise, where the others were warned of
     * @param strangers         records in the log that the stream never sent
     * @param partitionsWritten partitions holding at least one record
     */
    record LogCheck(int readBack, int lost, int duplicated, int reordered, int misplaced, int failedButPresent,
                    int notPersistedButPresent, int strangers, Set<Integer> partitionsWritten) {
    }

    int failed() {
        return delivery.failed();
    }

    /**
     * Records not written within delivery.timeout.ms of being due: failed, acknowledged late, or still unsent
     * that long after being due because send() blocked.
     */
    int missedDeadline() {
        return delivery.failed() + delivery.acknowledgedLate() + delivery.dueButUnsent();
    }

    String label() {
        return contestant.label();
    }
}
