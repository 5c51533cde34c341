package io.odradek.compression;

import java.nio.ByteBuffer;

import io.odradek.api.CompressionType;

/** Contract checks and small byte-order helpers shared by the codecs. */
final class Buffers {

    private Buffers() {
    }

    /**
     * Every codec writes straight into {@code dst} and may use all of its bound as working room, so the caller must
     * size it with {@code maxCompressedSizeBytes}; a smaller buffer is a broken contract, not a runtime condition.
     */
    static void requireRoom(ByteBuffer dst, int boundBytes) {
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("dst is read-only");
        }
        if (dst.remaining() < boundBytes) {
            throw new IllegalArgumentException("dst has " + dst.remaining() + " bytes remaining, compress needs "
                    + boundBytes + " (maxCompressedSizeBytes of the input)");
        }
    }

    static void requireLevel(CompressionType type, int level) {
        if (!type.isValidLevel(level)) {
            throw new IllegalArgumentException(type.configValue() + " has no compression level " + level);
        }
    }

    static int requireBound(long boundBytes, int uncompressedSizeBytes) {
        if (uncompressedSizeBytes < 0) {
            throw new IllegalArgumentException("negative size " + uncompressedSizeBytes);
        }
        if (boundBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(uncompressedSizeBytes + " bytes are too many to compress in one buffer");
        }
        return (int) boundBytes;
    }

    static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }

    /** A copy of src's remaining bytes; src itself is left as it was. */
    static byte[] heapBytes(ByteBuffer src) {
        byte[] bytes = new byte[src.remaining()];
        src.duplicate().get(bytes);
        return bytes;
    }

    static void putIntLittleEndian(ByteBuffer dst, int index, int value) {
        dst.put(index, (byte) value);
        dst.put(index + 1, (byte) (value >>> 8));
        dst.put(index + 2, (byte) (value >>> 16));
        dst.put(index + 3, (byte) (value >>> 24));
    }

    static int getIntLittleEndian(ByteBuffer src, int index) {
        return (src.get(index) & 0xFF) | (src.get(index + 1) & 0xFF) << 8 | (src.get(index + 2) & 0xFF) << 16
                | (src.get(index + 3) & 0xFF) << 24;
    }
}
