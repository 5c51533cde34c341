package io.odradek.domain.accumulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PollScheduleTest {
    private static final long LINGER_NS = 5_000_000;

    private final AtomicInteger wakeups = new AtomicInteger();
    private final PollSchedule schedule = new PollSchedule(wakeups::incrementAndGet, LINGER_NS);

    @Test
    void aBatchOpenedBeforeTheFirstPollWakesTheIoThread() {
        schedule.batchOpened(1_000, false);

        assertThat(wakeups).hasValue(1);
    }

    @Test
    void aBatchThatIsReadyAfterTheNextPollDoesNotWakeTheIoThread() {
        schedule.polling();
        schedule.nextPollAt(1_000 + LINGER_NS, Long.MAX_VALUE);

        schedule.batchOpened(1_000, false);
        schedule.batchOpened(2_000, false);

        assertThat(wakeups).as("the I/O thread looks at both at the first one's linger end").hasValue(0);
    }

    @Test
    void aBatchThatIsReadyBeforeTheNextPollWakesTheIoThread() {
        schedule.polling();
        schedule.nextPollAt(1_000_000_000, Long.MAX_VALUE);

        schedule.batchOpened(1_000, false);

        assertThat(wakeups).hasValue(1);
    }

    @Test
    void aBatchOpenedWhenThePollIsAlreadyDueWakesTheIoThread() {
        schedule.polling();
        schedule.nextPollAt(500, Long.MAX_VALUE);

        schedule.batchOpened(1_000, false);

        assertThat(wakeups).hasValue(1);
    }

    @Test
    void whileTheIoThreadPollsEveryNewBatchWakesIt() {
        // Its walk of the queues may already be past this batch's queue.
        schedule.polling();

        schedule.batchOpened(1_000, false);

        assertThat(wakeups).hasValue(1);
    }

    @Test
    void anIoThreadAsleepWithoutDeadlineIsWokenByANewBatch() {
        schedule.polling();
        schedule.nextPollAt(Long.MAX_VALUE, Long.MAX_VALUE);

        schedule.batchOpened(1_000, false);

        assertThat(wakeups).hasValue(1);
    }

    @Test
    void whileBatchesGoWithoutLingerANewBatchWakesTheIoThread() {
        schedule.polling();
        schedule.nextPollAt(1_000 + LINGER_NS, Long.MAX_VALUE);

        schedule.batchOpened(1_000, true);

        assertThat(wakeups).hasValue(1);
    }

    @Test
    void aLingerNearTheEndOfTimeDoesNotOverflowIntoThePast() {
        PollSchedule longLinger = new PollSchedule(wakeups::incrementAndGet, Long.MAX_VALUE - 10);
        longLinger.polling();
        longLinger.nextPollAt(Long.MAX_VALUE - 1, Long.MAX_VALUE);

        longLinger.batchOpened(1_000, false);

        assertThat(wakeups).as("ready at the end of time, after the next poll").hasValue(0);
    }

    @Test
    void aWaitForMemoryWakesTheIoThreadWhenABatchLingers() {
        schedule.polling();
        schedule.nextPollAt(1_000 + LINGER_NS, 1_000 + LINGER_NS);

        schedule.memoryWaitBegins();

        assertThat(wakeups).as("the lingering batch goes now, to free memory").hasValue(1);
    }

    @Test
    void aWaitForMemoryDoesNotWakeTheIoThreadWhenNoBatchLingers() {
        schedule.polling();
        schedule.nextPollAt(Long.MAX_VALUE, Long.MAX_VALUE);

        schedule.memoryWaitBegins();

        assertThat(wakeups).as("every batch is already on its way").hasValue(0);
    }

    @Test
    void aWaitForMemoryWakesTheIoThreadForABatchOpenedSinceItsLastPoll() {
        schedule.polling();
        schedule.nextPollAt(1_000 + LINGER_NS, Long.MAX_VALUE);
        schedule.batchOpened(2_000, false);
        assertThat(wakeups).hasValue(0);

        schedule.memoryWaitBegins();

        assertThat(wakeups).as("the poll did not see the new batch linger").hasValue(1);
    }

    @Test
    void aWaitForMemoryWhileTheIoThreadPollsWakesIt() {
        schedule.polling();

        schedule.memoryWaitBegins();

        assertThat(wakeups).hasValue(1);
    }

    @Test
    void wakeNowAlwaysWakes() {
        schedule.polling();
        schedule.nextPollAt(1_000, Long.MAX_VALUE);

        schedule.wakeNow();

        assertThat(wakeups).hasValue(1);
    }

    @Test
    void aNegativeLingerIsRefused() {
        assertThatThrownBy(() -> new PollSchedule(() -> { }, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lingerNs");
    }
}
