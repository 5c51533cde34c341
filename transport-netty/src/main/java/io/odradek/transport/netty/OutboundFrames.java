package io.odradek.transport.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;

/** Turns a frame's buffers into one Netty message without copying its direct (batch) buffers. */
final class OutboundFrames {

    private OutboundFrames() {
    }

    /**
     * One message for the frame's buffers, each from position to limit; the originals' positions and contents
     * are left alone. Direct buffers are wrapped (the batch buffers), heap buffers (request headers) are
     * copied into pooled direct memory: Netty's socket channels copy a message that is not all-direct in
     * full before writing it (the JDK would copy heap bytes anyway), so copying the small heap parts here is
     * what keeps the batches themselves uncopied.
     */
    static ByteBuf toMessage(ByteBuffer[] buffers, ByteBufAllocator allocator) {
        if (buffers.length == 1) {
            return wrapOrCopy(buffers[0], allocator);
        }
        CompositeByteBuf message = allocator.compositeDirectBuffer(Math.max(2, buffers.length));
        for (ByteBuffer buffer : buffers) {
            if (buffer.hasRemaining()) {
                message.addComponent(true, wrapOrCopy(buffer, allocator));
            }
        }
        return message;
    }

    private static ByteBuf wrapOrCopy(ByteBuffer buffer, ByteBufAllocator allocator) {
        if (buffer.isDirect()) {
            return Unpooled.wrappedBuffer(buffer);
        }
        ByteBuf copy = allocator.directBuffer(buffer.remaining());
        copy.writeBytes(buffer.duplicate());
        return copy;
    }
}
