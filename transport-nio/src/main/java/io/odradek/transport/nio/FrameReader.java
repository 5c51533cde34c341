package io.odradek.transport.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Cuts the bytes a connection receives into 4-byte big-endian size-prefixed frames. One receive buffer per
 * connection, reused: frames are handed out as slices of it (no copy), valid until the next
 * {@link #readFrom}. The buffer grows when one frame needs more room, and unread bytes are shifted down only
 * when the frame in progress would not fit after them.
 */
final class FrameReader {

    static final int SIZE_PREFIX_BYTES = 4;
    static final int INITIAL_CAPACITY_BYTES = 64 * 1024;
    /** An emptied buffer above this size is replaced by a small one, so one huge response does not pin memory. */
    static final int RETAINED_CAPACITY_LIMIT_BYTES = 1024 * 1024;
    /** Keeps {@code size + prefix} and buffer doubling inside int range. */
    private static final int LARGEST_SUPPORTED_FRAME_BYTES = Integer.MAX_VALUE - 64;

    private final int maxFrameSizeBytes;
    /** In "fill" mode: bytes [readIndex, position) are received and not yet handed out. Allocated on first read. */
    private ByteBuffer buffer;
    private int readIndex;
    private boolean lastReadFilledBuffer;

    FrameReader(int maxFrameSizeBytes) {
        if (maxFrameSizeBytes < 0) {
            throw new IllegalArgumentException("maxFrameSizeBytes must not be negative: " + maxFrameSizeBytes);
        }
        this.maxFrameSizeBytes = Math.min(maxFrameSizeBytes, LARGEST_SUPPORTED_FRAME_BYTES);
    }

    /**
     * Reads what the channel has, as far as the buffer has room.
     *
     * @return bytes read, or -1 at end of stream
     */
    int readFrom(ReadableByteChannel channel) throws IOException {
        prepareForRead();
        int room = buffer.remaining();
        int read = channel.read(buffer);
        lastReadFilledBuffer = read == room;
        return read;
    }

    /** Whether the last read stopped because the buffer was full, so the channel may hold more right now. */
    boolean lastReadFilledBuffer() {
        return lastReadFilledBuffer;
    }

    /**
     * The next complete frame without its size prefix, or null if the buffer holds none. The slice is valid
     * until the next {@link #readFrom}.
     */
    ByteBuffer nextFrame() throws InvalidFrameException {
        if (buffer == null) {
            return null;
        }
        int unread = buffer.position() - readIndex;
        if (unread < SIZE_PREFIX_BYTES) {
            return null;
        }
        int size = checkedSize(buffer.getInt(readIndex));
        if (unread - SIZE_PREFIX_BYTES < size) {
            return null;
        }
        ByteBuffer frame = buffer.slice(readIndex + SIZE_PREFIX_BYTES, size);
        readIndex += SIZE_PREFIX_BYTES + size;
        return frame;
    }

    /** Whether bytes of an unfinished frame are buffered (at end of stream they are a truncated frame). */
    boolean hasPartialFrame() {
        return buffer != null && buffer.position() > readIndex;
    }

    int capacityBytes() {
        return buffer == null ? 0 : buffer.capacity();
    }

    private void prepareForRead() throws InvalidFrameException {
        if (buffer == null) {
            buffer = ByteBuffer.allocateDirect(INITIAL_CAPACITY_BYTES);
            return;
        }
        int unread = buffer.position() - readIndex;
        if (unread == 0) {
            if (buffer.capacity() > RETAINED_CAPACITY_LIMIT_BYTES) {
                buffer = ByteBuffer.allocateDirect(INITIAL_CAPACITY_BYTES);
            } else {
                buffer.clear();
            }
            readIndex = 0;
            return;
        }
        int needed = unread >= SIZE_PREFIX_BYTES
                ? SIZE_PREFIX_BYTES + checkedSize(buffer.getInt(readIndex))
                : SIZE_PREFIX_BYTES;
        if (needed > buffer.capacity()) {
            int capacity = Math.max(needed, Math.min(buffer.capacity() * 2, SIZE_PREFIX_BYTES + maxFrameSizeBytes));
            ByteBuffer bigger = ByteBuffer.allocateDirect(capacity);
            buffer.limit(buffer.position()).position(readIndex);
            bigger.put(buffer);
            buffer = bigger;
            readIndex = 0;
        } else if (readIndex + needed > buffer.capacity()) {
            buffer.limit(buffer.position()).position(readIndex);
            buffer.compact();
            readIndex = 0;
        }
    }

    private int checkedSize(int size) throws InvalidFrameException {
        if (size < 0) {
            throw new InvalidFrameException("received a frame with negative size " + size);
        }
        if (size > maxFrameSizeBytes) {
            throw new InvalidFrameException("received a frame of " + size
                    + " bytes, larger than the maximum response size of " + maxFrameSizeBytes + " bytes");
        }
        return size;
    }
}
