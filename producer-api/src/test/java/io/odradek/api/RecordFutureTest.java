package io.odradek.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

class RecordFutureTest {
    private static final RecordMetadata METADATA = new RecordMetadata("orders", 1, 42, 1_700_000_000_000L, -1, 5);

    @Test
    void failedFutureReportsItsErrorTheWayFutureAndCompletableFutureDo() {
        IllegalStateException error = new IllegalStateException("refused");
        RecordFuture future = RecordFuture.failed(error);

        assertThat(future.isDone()).isTrue();
        assertThat(future.isCompletedExceptionally()).isTrue();
        assertThatThrownBy(future::get).isInstanceOf(ExecutionException.class).hasCause(error);
        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class).hasCause(error);
    }

    @Test
    void viewOfACompletableFutureFollowsIt() {
        CompletableFuture<RecordMetadata> source = new CompletableFuture<>();
        RecordFuture future = RecordFuture.of(source);
        assertThat(future.isDone()).isFalse();

        source.complete(METADATA);

        assertThat(future.isDone()).isTrue();
        assertThat(future.join()).isEqualTo(METADATA);
        assertThat(future.toCompletableFuture()).isCompletedWithValue(METADATA);
    }

    @Test
    void completingTheCompletableFutureItHandsOutDoesNotChangeTheRecordsOutcome() {
        CompletableFuture<RecordMetadata> source = new CompletableFuture<>();
        RecordFuture future = RecordFuture.of(source);

        future.toCompletableFuture().completeExceptionally(new IllegalStateException("not mine to decide"));

        assertThat(future.isDone()).isFalse();
    }

    @Test
    void cannotBeCancelled() {
        RecordFuture future = RecordFuture.of(new CompletableFuture<>());

        assertThat(future.cancel(true)).isFalse();
        assertThat(future.isCancelled()).isFalse();
        assertThat(future.isDone()).isFalse();
    }
}
