package io.odradek.domain.accumulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.odradek.api.RecordMetadata;

class RecordInBatchTest {
    private final BatchOutcome outcome = new BatchOutcome("orders", 3);
    private final RecordInBatch second = new RecordInBatch(outcome, 2, 1_700_000_000_123L, 4, 100);

    /** What ProducerBatch.complete does around its callbacks. */
    private void complete(long baseOffset, long logAppendTimeMs, RuntimeException error) {
        outcome.settle(baseOffset, logAppendTimeMs, error);
        outcome.release();
    }

    @Test
    void isNotDoneUntilTheBatchCompletes() {
        assertThat(second.isDone()).isFalse();
        assertThat(second.isCompletedExceptionally()).isFalse();
        assertThatThrownBy(() -> second.get(1, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(second.toCompletableFuture()).isNotDone();
    }

    @Test
    void buildsItsMetadataFromTheBatchOffsetAndItsPlaceInTheBatch() throws Exception {
        CompletableFuture<RecordMetadata> before = second.toCompletableFuture();

        complete(500, -1, null);

        RecordMetadata expected = new RecordMetadata("orders", 3, 502, 1_700_000_000_123L, 4, 100);
        assertThat(second.get()).isEqualTo(expected);
        assertThat(second.join()).isEqualTo(expected);
        assertThat(before).isCompletedWithValue(expected);
        assertThat(second.toCompletableFuture()).isCompletedWithValue(expected);
        assertThat(second.isCompletedExceptionally()).isFalse();
    }

    @Test
    void completesFuturesDerivedFromItBeforeAWaiterOnTheBatchWakes() throws Exception {
        // A record that waited for metadata hands its sender a future completed from its batch's outcome; flush
        // waits on the batch, and must not return while that future is still being completed.
        CompletableFuture<RecordMetadata> derived = second.toCompletableFuture();
        boolean[] seenWhileCompleting = new boolean[2];
        derived.whenComplete((metadata, error) -> {
            seenWhileCompleting[0] = second.isDone();
            seenWhileCompleting[1] = awaitBatchWithoutWaiting();
        });

        complete(500, -1, null);

        assertThat(derived).isCompleted();
        assertThat(seenWhileCompleting[0]).as("the record's own future done while its derived one completes")
                .isTrue();
        assertThat(seenWhileCompleting[1]).as("a waiter on the batch released while a derived future completes")
                .isFalse();
        assertThat(outcome.awaitCompletion(0, TimeUnit.NANOSECONDS)).isTrue();
    }

    private boolean awaitBatchWithoutWaiting() {
        try {
            return outcome.awaitCompletion(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDerivedStageThatWaitsForAnotherRecordOfItsBatchDoesNotDeadlockTheCompletingThread() {
        RecordInBatch first = new RecordInBatch(outcome, 0, 1_700_000_000_000L, 4, 100);
        CompletableFuture<RecordMetadata> firstSeenFromSecond = second.toCompletableFuture()
                .thenApply(metadata -> first.join());

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> complete(500, -1, null));

        assertThat(firstSeenFromSecond).isCompletedWithValue(
                new RecordMetadata("orders", 3, 500, 1_700_000_000_000L, 4, 100));
    }

    @Test
    void aFutureDerivedAfterTheOutcomeIsReleasedIsCompletedAtOnce() {
        complete(500, -1, null);

        assertThat(second.toCompletableFuture()).isCompletedWithValue(
                new RecordMetadata("orders", 3, 502, 1_700_000_000_123L, 4, 100));
    }

    @Test
    void takesTheBrokersTimestampWhenTheTopicUsesLogAppendTime() {
        complete(0, 1_800_000_000_000L, null);

        assertThat(second.join().timestamp()).isEqualTo(1_800_000_000_000L);
        assertThat(second.join().offset()).isEqualTo(2);
    }

    @Test
    void reportsTheBatchErrorTheWayFutureAndCompletableFutureDo() {
        IllegalStateException error = new IllegalStateException("delivery timed out");
        CompletableFuture<RecordMetadata> before = second.toCompletableFuture();

        complete(500, -1, error);

        assertThat(second.isCompletedExceptionally()).isTrue();
        assertThatThrownBy(second::get).isInstanceOf(ExecutionException.class).hasCause(error);
        assertThatThrownBy(second::join).isInstanceOf(CompletionException.class).hasCause(error);
        assertThat(before).isCompletedExceptionally();
        assertThatThrownBy(before::join).hasCause(error);
        assertThatThrownBy(() -> second.toCompletableFuture().join()).hasCause(error);
    }

    @Test
    void cannotBeCancelled() {
        assertThat(second.cancel(true)).isFalse();
        assertThat(second.isCancelled()).isFalse();
        assertThat(second.isDone()).isFalse();
    }

    @Test
    void releasesAThreadWaitingInGet() throws Exception {
        CompletableFuture<RecordMetadata> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return second.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });

        complete(7, -1, null);

        assertThat(waiter).succeedsWithin(Duration.ofSeconds(30)).extracting(RecordMetadata::offset).isEqualTo(9L);
    }
}
