package io.odradek.transport.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import java.util.List;

/**
 * Cuts the inbound byte stream into Kafka response frames (a 4-byte big-endian size, then that many bytes)
 * and passes each frame on without its size prefix, as a retained slice of the received bytes.
 */
final class ResponseFrameDecoder extends ByteToMessageDecoder {

    private final int maxFrameSizeBytes;
    private boolean endedMidFrame;

    ResponseFrameDecoder(int maxFrameSizeBytes) {
        this.maxFrameSizeBytes = maxFrameSizeBytes;
    }

    /** Whether the connection ended with the start of a frame received but not all of it. */
    boolean endedMidFrame() {
        return endedMidFrame;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= Integer.BYTES) {
            int sizeBytes = in.getInt(in.readerIndex());
            if (sizeBytes < 0 || sizeBytes > maxFrameSizeBytes) {
                // Nothing after a bad size can be trusted; the connection is closed on this exception.
                in.skipBytes(in.readableBytes());
                throw new InvalidFrameException("response frame of " + sizeBytes
                        + " bytes is outside the allowed 0.." + maxFrameSizeBytes);
            }
            if (in.readableBytes() < Integer.BYTES + sizeBytes) {
                return;
            }
            in.skipBytes(Integer.BYTES);
            out.add(in.readRetainedSlice(sizeBytes));
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        super.decodeLast(ctx, in, out);
        endedMidFrame = in.isReadable();
    }

    /** A response frame the producer must not accept; carried to exceptionCaught inside a {@link DecoderException}. */
    static final class InvalidFrameException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidFrameException(String message) {
            super(message);
        }
    }
}
