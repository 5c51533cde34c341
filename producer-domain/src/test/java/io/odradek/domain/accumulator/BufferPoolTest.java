package io.odradek.domain.accumulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.odradek.api.TimeoutException;

/** buffer.memory bounds: waiting for memory up to max.block.ms, then failing. */
class BufferPoolTest {

    @Test
    void bufferMemoryExhaustedBlocksUpToMaxBlockThenFails() throws Exception {
        BufferPool pool = new BufferPool(1_000, 500);
        pool.allocate(500, 0);
        pool.allocate(500, 0);

        assertThatThrownBy(() -> pool.allocate(500, TimeUnit.MILLISECONDS.toNanos(20)))
                .isInstanceOf(TimeoutException.class).hasMessageContaining("max.block.ms")
                .hasMessageContaining("buffer.memory");
        assertThat(pool.hasWaiters()).isFalse();
    }

    @Test
    void aWaitingAllocationGetsTheMemoryReleasedWhileItWaits() throws Exception {
        BufferPool pool = new BufferPool(1_000, 500);
        ByteBuffer first = pool.allocate(500, 0);
        pool.allocate(500, 0);
        CompletableFuture<ByteBuffer> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.allocate(500, TimeUnit.SECONDS.toNanos(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!pool.hasWaiters()) {
            assertThat(System.nanoTime()).as("waiter registered in time").isLessThan(deadlineNs);
            Thread.onSpinWait();
        }

        pool.release(first);

        assertThat(waiting.get(5, TimeUnit.SECONDS).capacity()).isEqualTo(500);
        assertThat(pool.availableBytes()).isZero();
    }

    @Test
    void reservationsForRecordsWaitingForMetadataCountAgainstTheLimit() throws Exception {
        BufferPool pool = new BufferPool(1_000, 500);
        pool.reserve(800, 0);

        assertThatThrownBy(() -> pool.allocate(500, 0)).isInstanceOf(TimeoutException.class);
        pool.unreserve(800);
        assertThat(pool.allocate(500, 0).capacity()).isEqualTo(500);
    }
}
