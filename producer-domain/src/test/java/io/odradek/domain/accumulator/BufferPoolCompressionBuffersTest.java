package io.odradek.domain.accumulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class BufferPoolCompressionBuffersTest {
    private static final int BATCH_SIZE = 1024;
    private static final int COMPRESSION_SIZE = 1200;

    @Test
    void compressedBatchesReuseOneBufferSizeInsteadOfAllocatingPerBatch() {
        BufferPool pool = new BufferPool(16 * 1024, BATCH_SIZE);
        pool.poolCompressionBuffers(COMPRESSION_SIZE);

        ByteBuffer first = pool.allocateOverCommit(1100);
        assertThat(first.capacity()).as("rounded up to the pooled compression size").isEqualTo(COMPRESSION_SIZE);
        pool.release(first);
        ByteBuffer second = pool.allocateOverCommit(700);

        assertThat(second).as("the released buffer is reused").isSameAs(first);
    }

    @Test
    void pooledCompressionBuffersStillCountAgainstBufferMemory() {
        BufferPool pool = new BufferPool(16 * 1024, BATCH_SIZE);
        pool.poolCompressionBuffers(COMPRESSION_SIZE);

        ByteBuffer buffer = pool.allocateOverCommit(1100);
        assertThat(pool.availableBytes()).isEqualTo(16 * 1024 - COMPRESSION_SIZE);
        pool.release(buffer);

        assertThat(pool.availableBytes()).isEqualTo(16 * 1024);
    }

    @Test
    void batchBuffersAndLargerRequestsAreNotServedFromTheCompressionPool() {
        BufferPool pool = new BufferPool(16 * 1024, BATCH_SIZE);
        pool.poolCompressionBuffers(COMPRESSION_SIZE);
        pool.release(pool.allocateOverCommit(1100));

        assertThat(pool.allocateOverCommit(BATCH_SIZE).capacity()).isEqualTo(BATCH_SIZE);
        assertThat(pool.allocateOverCommit(5000).capacity()).isEqualTo(5000);
    }
}
