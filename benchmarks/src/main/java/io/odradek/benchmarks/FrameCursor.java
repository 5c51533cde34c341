package io.odradek.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request frame spread over several buffers (as the codec hands them to a transport) without
 * copying or allocating: absolute reads, so the frame's buffers are left exactly as they were.
 * Reused across frames by the one I/O thread of the discarding transport.
 */
final class FrameCursor {
    private ByteBuffer[] buffers;
    private int index;
    private int offset;

    void reset(ByteBuffer[] frameBuffers) {
        this.buffers = frameBuffers;
        this.index = 0;
        this.offset = frameBuffers.length == 0 ? 0 : frameBuffers[0].position();
    }

    byte readByte() {
        while (offset >= buffers[index].limit()) {
            index++;
            offset = buffers[index].position();
        }
        return buffers[index].get(offset++);
    }

    short readShort() {
        return (short) (((readByte() & 0xFF) << 8) | (readByte() & 0xFF));
    }

    int readInt() {
        return ((readByte() & 0xFF) << 24) | ((readByte() & 0xFF) << 16) | ((readByte() & 0xFF) << 8)
                | (readByte() & 0xFF);
    }

    int readUnsignedVarint() {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = readByte();
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }

    void skip(long bytes) {
        long left = bytes;
        while (left > 0) {
            int available = buffers[index].limit() - offset;
            if (available == 0) {
                index++;
                offset = buffers[index].position();
                continue;
            }
            int step = (int) Math.min(available, left);
            offset += step;
            left -= step;
        }
    }

    /** Reads the int at {@code ahead} bytes from here without moving (the batch's lastOffsetDelta). */
    int peekInt(int ahead) {
        int savedIndex = index;
        int savedOffset = offset;
        skip(ahead);
        int value = readInt();
        index = savedIndex;
        offset = savedOffset;
        return value;
    }

    /** Skips tagged fields: the protocol lets a reader ignore every tag it does not know. */
    void skipTaggedFields() {
        int count = readUnsignedVarint();
        for (int i = 0; i < count; i++) {
            readUnsignedVarint();
            skip(readUnsignedVarint());
        }
    }

    /** A STRING or COMPACT_STRING, as a Java string (null for a null one). */
    String readString(boolean compact) {
        int length = compact ? readUnsignedVarint() - 1 : readShort();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = readByte();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    void skipString(boolean compact) {
        int length = compact ? readUnsignedVarint() - 1 : readShort();
        if (length > 0) {
            skip(length);
        }
    }
}
