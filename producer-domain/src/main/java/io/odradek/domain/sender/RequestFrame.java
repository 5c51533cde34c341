package io.odradek.domain.sender;

import java.nio.ByteBuffer;

import io.odradek.domain.port.OutboundFrame;

/** An encoded request, with an optional action once written (acks=0 completes batches then). */
final class RequestFrame implements OutboundFrame {
    private final ByteBuffer[] buffers;
    private final long sizeBytes;
    private final WrittenListener onWritten;

    RequestFrame(ByteBuffer[] buffers, WrittenListener onWritten) {
        this.buffers = buffers;
        long size = 0;
        for (ByteBuffer buffer : buffers) {
            size += buffer.remaining();
        }
        this.sizeBytes = size;
        this.onWritten = onWritten;
    }

    @Override
    public ByteBuffer[] buffers() {
        return buffers;
    }

    @Override
    public long sizeBytes() {
        return sizeBytes;
    }

    @Override
    public void onWritten(long nowNs) {
        if (onWritten != null) {
            onWritten.written(nowNs);
        }
    }

    interface WrittenListener {
        void written(long nowNs);
    }
}
