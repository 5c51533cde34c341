package io.odradek.transport.contract;

import io.odradek.domain.port.OutboundFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A request frame for tests: a direct 4-byte size prefix followed by the payload cut into chunks that
 * alternate direct and heap buffers (the domain hands both kinds). Records when it is reported written.
 */
public class TestFrame implements OutboundFrame {

    private final int index;
    private final ByteBuffer[] buffers;
    private final long sizeBytes;
    private final Queue<Integer> writtenOrder;
    private final AtomicInteger writtenCalls = new AtomicInteger();

    public TestFrame(int index, byte[] payload, int chunkBytes, Queue<Integer> writtenOrder) {
        this.index = index;
        this.writtenOrder = writtenOrder;
        List<ByteBuffer> parts = new ArrayList<>();
        parts.add(ByteBuffer.allocateDirect(4).putInt(0, payload.length));
        for (int offset = 0, chunk = 0; offset < payload.length; offset += chunkBytes, chunk++) {
            int length = Math.min(chunkBytes, payload.length - offset);
            ByteBuffer part = chunk % 2 == 0 ? ByteBuffer.allocateDirect(length) : ByteBuffer.allocate(length);
            part.put(payload, offset, length).flip();
            parts.add(part);
        }
        this.buffers = parts.toArray(ByteBuffer[]::new);
        this.sizeBytes = 4L + payload.length;
    }

    /** A frame whose payload is {@code repeats} views of one shared buffer: lots of bytes, little memory. */
    public TestFrame(int index, ByteBuffer sharedPayload, int repeats, Queue<Integer> writtenOrder) {
        this.index = index;
        this.writtenOrder = writtenOrder;
        this.buffers = new ByteBuffer[repeats + 1];
        buffers[0] = ByteBuffer.allocateDirect(4).putInt(0, sharedPayload.remaining() * repeats);
        for (int i = 1; i <= repeats; i++) {
            buffers[i] = sharedPayload.duplicate();
        }
        this.sizeBytes = 4L + (long) sharedPayload.remaining() * repeats;
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
        writtenCalls.incrementAndGet();
        writtenOrder.add(index);
    }

    public int writtenCalls() {
        return writtenCalls.get();
    }

    /** Deterministic payload bytes, different per seed, so misordered or mixed-up bytes are caught. */
    public static byte[] payload(int sizeBytes, int seed) {
        byte[] bytes = new byte[sizeBytes];
        int x = seed * 0x9E3779B9 + 1;
        for (int i = 0; i < sizeBytes; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            bytes[i] = (byte) x;
        }
        return bytes;
    }

    /** The bytes a peer receives for a frame with this payload: size prefix, then the payload. */
    public static byte[] onTheWire(byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
    }
}
