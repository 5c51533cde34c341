package io.odradek.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class OutboundFramesTest {

    private final ByteBufAllocator allocator = ByteBufAllocator.DEFAULT;

    @Test
    void wrapsDirectBatchBuffersInsteadOfCopyingThem() {
        ByteBuffer header = ByteBuffer.wrap(new byte[] {0, 0, 0, 6, 1, 2});
        ByteBuffer batch = ByteBuffer.allocateDirect(4).put(new byte[] {3, 4, 5, 6}).flip();

        ByteBuf message = OutboundFrames.toMessage(new ByteBuffer[] {header, batch}, allocator);
        try {
            batch.put(0, (byte) 99); // a change to the batch after wrapping shows in the message: same memory

            assertThat(ByteBufUtil.getBytes(message)).containsExactly(0, 0, 0, 6, 1, 2, 99, 4, 5, 6);
            assertThat(message.isDirect()).as("all-direct, so Netty's channels write it without a copy").isTrue();
        } finally {
            message.release();
        }
    }

    @Test
    void takesEachBufferFromPositionToLimitAndLeavesTheOriginalsAlone() {
        ByteBuffer heap = ByteBuffer.wrap(new byte[] {9, 9, 1, 2, 9}, 2, 2);
        ByteBuffer direct = ByteBuffer.allocateDirect(8).put(new byte[] {9, 3, 4, 5, 9, 9, 9, 9}).position(1).limit(4);
        ByteBuffer empty = ByteBuffer.allocate(0);

        ByteBuf message = OutboundFrames.toMessage(new ByteBuffer[] {heap, empty, direct}, allocator);
        try {
            assertThat(ByteBufUtil.getBytes(message)).containsExactly(1, 2, 3, 4, 5);
            assertThat(heap.position()).isEqualTo(2);
            assertThat(heap.limit()).isEqualTo(4);
            assertThat(direct.position()).isEqualTo(1);
            assertThat(direct.limit()).isEqualTo(4);
        } finally {
            message.release();
        }
    }

    @Test
    void releasingTheMessageLeavesTheDirectBatchUsable() {
        ByteBuffer batch = ByteBuffer.allocateDirect(3).put(new byte[] {7, 8, 9}).flip();

        OutboundFrames.toMessage(new ByteBuffer[] {batch}, allocator).release();

        assertThat(batch.get(0)).isEqualTo((byte) 7);
        assertThat(batch.remaining()).isEqualTo(3);
    }
}
