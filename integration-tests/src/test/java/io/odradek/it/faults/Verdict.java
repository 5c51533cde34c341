package io.odradek.it.faults;

import java.util.Collection;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

import org.assertj.core.api.SoftAssertions;

import io.odradek.it.faults.Contestant.Producer;
import io.odradek.it.faults.Contestant.Settings;

/**
 * What issue 10 demands of a scenario's result, checked softly so that one failed run lists every broken
 * promise of every producer at once. End with {@link #check()}.
 *
 * <pre>{@code
 * Verdict.on(result).nothingLostDuplicatedOrReordered().odradekFailsNoMoreThanKafkaWithinTwoBatches().check();
 * }</pre>
 */
final class Verdict {
    /**
     * Records of the streams (100-byte values) in a full batch of the default batch.size, 16 KB: the unit in which
     * both producers fail the records of a lost request.
     */
    static final int FULL_BATCH_RECORDS = 148;

    private final ScenarioResult result;
    private final SoftAssertions soft = new SoftAssertions();

    private Verdict(ScenarioResult result) {
        this.result = result;
    }

    static Verdict on(ScenarioResult result) {
        return new Verdict(result);
    }

    /**
     * The standard verdict: nothing lost, duplicated or reordered; Odradek never worse than Kafka, and with its
     * defaults failing nothing.
     */
    static void assertReliable(ScenarioResult result) {
        on(result).nothingLostDuplicatedOrReordered().odradekFailsNoMoreThanKafkaWithinTwoBatches()
                .odradekWithDefaultsFailsNothing().check();
    }

    /**
     * For every producer: each acknowledged record is in the log, where it was acknowledged; no record is there
     * twice; within a partition records are in the order they were sent; every record has its outcome, once.
     */
    Verdict nothingLostDuplicatedOrReordered() {
        for (StreamReport report : result.reports()) {
            String who = who(report);
            soft.assertThat(report.log().lost()).as("%s: acknowledged records lost", who).isZero();
            soft.assertThat(report.log().duplicated()).as("%s: duplicated records", who).isZero();
            soft.assertThat(report.log().reordered()).as("%s: records out of order in their partition", who).isZero();
            soft.assertThat(report.log().misplaced()).as("%s: records not where they were acknowledged", who).isZero();
            soft.assertThat(report.log().strangers()).as("%s: records in the log that were never sent", who).isZero();
            soft.assertThat(report.log().notPersistedButPresent())
                    .as("%s: records failed as NOT_PERSISTED (no attempt written) that are in the log", who).isZero();
            soft.assertThat(report.delivery().noOutcome()).as("%s: records without outcome by the deadline", who)
                    .isZero();
            soft.assertThat(report.delivery().completedTwice()).as("%s: records completed twice", who).isZero();
        }
        return this;
    }

    /**
     * Odradek on each transport fails no more records than Kafka's producer with the same settings, in the same
     * run, give or take two full batches or a tenth of Kafka's count, whichever is more. With the console settings (retries=3 at request.timeout.ms=1500) a fault
     * makes both producers fail the records of the requests it caught, and which requests those were depends on
     * where it fell between batches, to the millisecond: the counts move from run to run for both, by whole
     * batches (in three runs of the flat-out SIGKILL Kafka's producer failed 296, 444 and 592 records and Odradek
     * 296 to 592, each sometimes ahead; in one rolling restart Kafka's failed 148 and Odradek's none). The fault
     * this guards against failed five to eight times Kafka's count (RELIABILITY.md). With the defaults Odradek
     * must fail nothing at all ({@link #odradekWithDefaultsFailsNothing}).
     */
    Verdict odradekFailsNoMoreThanKafkaWithinTwoBatches() {
        return odradekFailsNoMoreThanKafka(kafkaFailed -> Math.max(kafkaFailed / 10, 2 * FULL_BATCH_RECORDS));
    }

    private Verdict odradekFailsNoMoreThanKafka(IntUnaryOperator toleranceForKafkasCount) {
        for (Settings settings : Settings.values()) {
            int kafkaFailed = result.of(Producer.KAFKA, settings).failed();
            int tolerance = toleranceForKafkasCount.applyAsInt(kafkaFailed);
            for (Producer odradek : odradekProducers()) {
                StreamReport report = result.of(odradek, settings);
                soft.assertThat(report.failed())
                        .as("%s: failed records, against %d of Kafka's producer with the same settings%s", who(report),
                                kafkaFailed, tolerance == 0 ? "" : " (tolerance " + tolerance + ")")
                        .isLessThanOrEqualTo(kafkaFailed + tolerance);
            }
        }
        return this;
    }

    /**
     * Odradek on each transport leaves no more records unwritten past delivery.timeout.ms than Kafka's producer
     * with the same settings: failed, or acknowledged more than delivery.timeout.ms after the stream meant to
     * send them. The fair count where one producer holds the application in send() (Kafka's blocks on
     * metadata when it has lost a topic's partitions) and the other takes the records and fails them on time:
     * either way the application's record was not written within the deadline.
     */
    Verdict odradekMissesNoMoreDeadlinesThanKafka(int tolerance) {
        for (Settings settings : Settings.values()) {
            int kafkaMissed = result.of(Producer.KAFKA, settings).missedDeadline();
            for (Producer odradek : odradekProducers()) {
                StreamReport report = result.of(odradek, settings);
                soft.assertThat(report.missedDeadline())
                        .as("%s: records failed or acknowledged later than delivery.timeout.ms after due, against %d"
                                + " of Kafka's producer with the same settings (tolerance %d)", who(report),
                                kafkaMissed, tolerance)
                        .isLessThanOrEqualTo(kafkaMissed + tolerance);
            }
        }
        return this;
    }

    /** Odradek with its defaults fails nothing. */
    Verdict odradekWithDefaultsFailsNothing() {
        for (Producer odradek : odradekProducers()) {
            StreamReport report = result.of(odradek, Settings.DEFAULTS);
            soft.assertThat(report.failed()).as("%s: failed records with the defaults", who(report)).isZero();
        }
        return this;
    }

    /**
     * With the defaults (retries until delivery.timeout.ms), every failure of every producer is a timeout, or a
     * failure in doubt: a request in flight when the brokers died has an unknown outcome, and when they come back
     * without this producer's state for the partition a resend could store it twice, so Odradek fails it as
     * possibly persisted and Kafka's producer with OutOfOrderSequenceException. (With the console settings'
     * retries=3 a retriable error such as NOT_ENOUGH_REPLICAS, while the restarted brokers rebuild their ISR, may
     * also end a record.)
     */
    Verdict everyFailureIsATimeoutOrInDoubt() {
        for (StreamReport report : result.reports()) {
            if (report.contestant().settings() != Settings.DEFAULTS) {
                continue;
            }
            soft.assertThat(report.delivery().failures().keySet()).as("%s: kinds of failure", who(report))
                    .allMatch(kind -> kind.isTimeout() || kind.inDoubt(), "a timeout, or a failure in doubt");
        }
        return this;
    }

    /**
     * Every producer missed delivery.timeout.ms for some records (failed them, or wrote them late). Not a
     * promise but a check of the scenario: a fault that was to outlast the deadline and made no record miss it
     * did not test what it claims to.
     */
    Verdict everyProducerMissedTheDeadlineForSomeRecords(String because) {
        for (StreamReport report : result.reports()) {
            soft.assertThat(report.missedDeadline()).as("%s: records failed or late, as %s", who(report), because)
                    .isPositive();
        }
        return this;
    }

    /** Every record sent after the script declared the cluster recovered is acknowledged. */
    Verdict everythingSentAfterRecoveryAcknowledged() {
        long recoveredAtNanos = result.recoveredAtNanos()
                .orElseThrow(() -> new IllegalStateException(result.scenario() + " never marked the cluster recovered"));
        for (StreamReport report : result.reports()) {
            StreamOutcomes outcomes = report.outcomes();
            long sentAfter = IntStream.range(0, outcomes.sent())
                    .filter(seq -> outcomes.sentAtNanos(seq) - recoveredAtNanos > 0).count();
            long notAcknowledged = IntStream.range(0, outcomes.sent())
                    .filter(seq -> outcomes.sentAtNanos(seq) - recoveredAtNanos > 0 && !outcomes.isAcknowledged(seq))
                    .count();
            soft.assertThat(sentAfter).as("%s: records sent after the cluster was back", who(report)).isPositive();
            soft.assertThat(notAcknowledged).as("%s: records sent after the cluster was back and not acknowledged",
                    who(report)).isZero();
        }
        return this;
    }

    /** Every producer wrote to each of {@code partitions} (a check of the scenario, e.g. partitions added mid-stream). */
    Verdict everyProducerWroteTo(Collection<Integer> partitions, String because) {
        for (StreamReport report : result.reports()) {
            soft.assertThat(report.log().partitionsWritten()).as("%s: partitions written, as %s", who(report), because)
                    .containsAll(partitions);
        }
        return this;
    }

    /** Fails with every broken promise found, each with its producer's report row. */
    void check() {
        soft.assertAll();
    }

    private static Producer[] odradekProducers() {
        return new Producer[] {Producer.ODRADEK_NIO, Producer.ODRADEK_NETTY};
    }

    private String who(StreamReport report) {
        return result.scenario() + " " + report.label() + "\n    " + ReliabilityReport.row(report) + "\n   ";
    }
}
