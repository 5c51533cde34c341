package io.odradek.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.odradek.api.OdradekException;
import io.odradek.api.Persistence;

import io.odradek.it.faults.Contestant.Producer;
import io.odradek.it.faults.Contestant.Settings;

/**
 * The verifier finds each kind of broken promise in a log it is shown. The stream here sends through a fake
 * producer that acknowledges record n at offset n of partition n % 2, unless told to fail it.
 */
class StreamVerifierTest {

    private static final String TOPIC = "verified-topic";
    private static final int RECORDS = 10;
    private static final Contestant CONTESTANT = new Contestant(Producer.KAFKA, Settings.DEFAULTS);

    @Test
    void aLogHoldingEveryAcknowledgedRecordOnceInOrderIsClean() {
        NumberedStream stream = sendThroughFake(List.of());

        StreamReport report = verify(stream, logOf(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));

        assertThat(report.delivery().sent()).isEqualTo(RECORDS);
        assertThat(report.delivery().acknowledged()).isEqualTo(RECORDS);
        assertThat(report.log().readBack()).isEqualTo(RECORDS);
        assertThat(report.log()).isEqualTo(new StreamReport.LogCheck(RECORDS, 0, 0, 0, 0, 0, 0, 0, Set.of(0, 1)));
        assertThat(ReliabilityReport.row(report))
                .isEqualTo("| clean | unkeyed, flat out | kafka | defaults | 10 | 10 | 0 | 10 | 0 | 0 | 0 | 0 | 0 | - |");
    }

    @Test
    void anAcknowledgedRecordMissingFromTheLogIsLost() {
        StreamReport report = verify(sendThroughFake(List.of()), logOf(0, 1, 2, 3, 5, 6, 7, 8, 9));

        assertThat(report.log().lost()).isEqualTo(1);
        assertThat(report.log().reordered()).isZero();
    }

    @Test
    void aSecondCopyIsADuplicateNotAReordering() {
        StreamReport report = verify(sendThroughFake(List.of()), logOf(0, 1, 2, 3, 2, 4, 5, 6, 7, 8, 9));

        assertThat(report.log().duplicated()).isEqualTo(1);
        assertThat(report.log().reordered()).isZero();
        assertThat(report.log().readBack()).isEqualTo(11);
    }

    @Test
    void aRecordAfterOneSentLaterInTheSamePartitionIsReordered() {
        // partition 0 holds 0, 2, 4, 6, 8 in that order unless swapped
        List<ConsumerRecord<byte[], byte[]>> log = new ArrayList<>();
        int[] partition0 = {0, 4, 2, 6, 8};
        for (int i = 0; i < partition0.length; i++) {
            log.add(record(0, i, partition0[i]));
        }
        for (int seq = 1; seq < RECORDS; seq += 2) {
            log.add(record(1, seq / 2, seq));
        }

        StreamReport report = verify(sendThroughFake(List.of()), log);

        assertThat(report.log().reordered()).isEqualTo(1);
        assertThat(report.log().misplaced()).as("4 and 2 are not at the offsets acknowledged").isEqualTo(2);
    }

    @Test
    void recordsInDifferentPartitionsHaveNoOrderToKeep() {
        StreamReport report = verify(sendThroughFake(List.of()), logOf(1, 3, 5, 7, 9, 0, 2, 4, 6, 8));

        assertThat(report.log().reordered()).as("0 after 9, but in another partition").isZero();
    }

    @Test
    void aFailedRecordInTheLogAnywayIsCountedApartAndFailuresAreGroupedByKind() {
        StreamReport report = verify(sendThroughFake(List.of(3, 5)), logOf(0, 1, 2, 3, 4, 6, 7, 8, 9));

        assertThat(report.delivery().failed()).isEqualTo(2);
        assertThat(report.delivery().acknowledged()).isEqualTo(8);
        assertThat(report.log().failedButPresent()).isEqualTo(1);
        assertThat(report.log().lost()).isZero();
        assertThat(report.delivery().failures())
                .isEqualTo(Map.of(new ErrorKind("java.lang.IllegalStateException", "expired after # ms in <topic>-#"), 2));
        assertThat(ReliabilityReport.row(report)).endsWith("| 2 x IllegalStateException: expired after # ms in <topic>-# |");
    }

    @Test
    void aRecordFailedAsNotPersistedThatIsInTheLogIsABrokenPromiseAndWarnedOnesAreNot() {
        NumberedStream stream = sendThroughFake(List.of(3, 5), seq -> new OdradekException("failed " + seq, null,
                seq == 3 ? Persistence.NOT_PERSISTED : Persistence.POSSIBLY_PERSISTED));

        StreamReport report = verify(stream, logOf(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));

        assertThat(report.log().failedButPresent()).isEqualTo(2);
        assertThat(report.log().notPersistedButPresent()).as("3 said it was not written").isEqualTo(1);
        assertThat(ReliabilityReport.row(report)).contains("1 failed as NOT_PERSISTED yet in the log");
    }

    @Test
    void recordsHeldBackByABlockingSendUntilTheStreamStoppedMissedTheirDeadline() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        StreamProducer blocking = new StreamProducer() {
            @Override
            public void send(String topic, byte[] key, byte[] value, Completion completion) {
                if (NumberedStream.sequenceOf(value) == 2) {
                    blocked.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                completion.completed(0, NumberedStream.sequenceOf(value), null);
            }

            @Override
            public void close(Duration timeout) {
            }
        };
        // 1,000 records/s: one due every millisecond while the third send() holds the stream.
        NumberedStream stream = new NumberedStream(blocking, TOPIC, Workload.steady(1_000, 0, Duration.ofSeconds(60)));
        stream.start();
        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
        long blockedAtNanos = System.nanoTime();
        while (System.nanoTime() - blockedAtNanos < TimeUnit.MILLISECONDS.toNanos(200)) {
            Thread.onSpinWait(); // the blocked time is the test's input, not a wait for a condition
        }
        stream.stopSending();
        release.countDown();
        stream.awaitSendingEnded(Duration.ofSeconds(10));

        assertThat(stream.outcomes().sent()).as("the blocked send and the one before the stop check").isLessThanOrEqualTo(4);
        assertThat(stream.dueButUnsent(Duration.ofMillis(100))).as("due more than 100 ms before the stop")
                .isGreaterThanOrEqualTo(90);
        assertThat(stream.dueButUnsent(Duration.ofSeconds(30))).as("none was due 30 s before the stop").isZero();
    }

    @Test
    void aRecordAcknowledgedMoreThanTheDeliveryTimeoutAfterItWasDueIsLate() {
        NumberedStream stream = sendThroughFake(List.of(3));

        StreamReport report = StreamVerifier.verify("late", CONTESTANT, stream, 0, Duration.ZERO,
                logOf(0, 1, 2, 4, 5, 6, 7, 8, 9));

        assertThat(report.delivery().acknowledgedLate()).isEqualTo(9);
        assertThat(report.delivery().acknowledgedLateAfterSend())
                .as("the fake answers inside send(), before it returns").isZero();
        assertThat(report.missedDeadline()).as("late or failed").isEqualTo(10);
    }

    @Test
    void recordsTheStreamNeverSentAreStrangers() {
        List<ConsumerRecord<byte[], byte[]>> log = new ArrayList<>(logOf(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        log.add(new ConsumerRecord<>(TOPIC, 1, 99, null, new byte[] {1, 2}));
        log.add(record(1, 100, 12345));

        StreamReport report = verify(sendThroughFake(List.of()), log);

        assertThat(report.log().strangers()).isEqualTo(2);
    }

    /** Sends {@link #RECORDS} records; the fake fails those in {@code failing}, acknowledging the rest. */
    private static NumberedStream sendThroughFake(List<Integer> failing) {
        return sendThroughFake(failing, seq -> new IllegalStateException(
                "expired after " + (1000 + seq) + " ms in " + TOPIC + "-" + (seq % 2)));
    }

    private static NumberedStream sendThroughFake(List<Integer> failing, IntFunction<Exception> errorOf) {
        StreamProducer fake = new StreamProducer() {
            @Override
            public void send(String topic, byte[] key, byte[] value, Completion completion) {
                int seq = (int) NumberedStream.sequenceOf(value);
                if (failing.contains(seq)) {
                    completion.completed(seq % 2, -1, errorOf.apply(seq));
                } else {
                    completion.completed(seq % 2, seq / 2, null);
                }
            }

            @Override
            public void close(Duration timeout) {
            }
        };
        NumberedStream stream = new NumberedStream(fake, TOPIC, Workload.flatOut(RECORDS));
        stream.start();
        stream.awaitSendingEnded(Duration.ofSeconds(10));
        return stream;
    }

    private static StreamReport verify(NumberedStream stream, List<ConsumerRecord<byte[], byte[]>> log) {
        return StreamVerifier.verify("clean", CONTESTANT, stream, 0, Duration.ofMinutes(2), log);
    }

    /** The records at the partition and offset the fake acknowledges them at, in the order given per partition. */
    private static List<ConsumerRecord<byte[], byte[]>> logOf(int... sequences) {
        List<ConsumerRecord<byte[], byte[]>> log = new ArrayList<>();
        for (int seq : sequences) {
            log.add(record(seq % 2, seq / 2, seq));
        }
        return log;
    }

    private static ConsumerRecord<byte[], byte[]> record(int partition, long offset, long seq) {
        return new ConsumerRecord<>(TOPIC, partition, offset, null, ByteBuffer.allocate(100).putLong(0, seq).array());
    }
}
