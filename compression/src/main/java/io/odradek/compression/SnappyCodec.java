package io.odradek.compression;

import java.nio.ByteBuffer;

import io.odradek.api.CompressionType;
import io.odradek.domain.port.CompressionCodec;

/**
 * snappy as Kafka frames it: snappy-java's stream format ({@code SnappyOutputStream}, read by
 * {@code SnappyInputStream}). A 16-byte header (magic {@code 0x82 'SNAPPY' 0}, big-endian int32 version 1 and
 * compatible version 1), then for each 32 KiB of input a big-endian int32 length and a raw snappy block. snappy
 * has no levels.
 *
 * <p>snappy-java (org.xerial.snappy:snappy-java) is an optional dependency with a native part; there is no
 * pure-Java fallback, so a platform it has no build for cannot use this codec.
 */
public final class SnappyCodec implements CompressionCodec {

    static final byte[] HEADER = {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0, 0, 0, 0, 1, 0, 0, 0, 1};
    /** snappy-java's default block size, the one Kafka's {@code SnappyOutputStream} uses. */
    static final int BLOCK_BYTES = 32 * 1024;
    static final int BLOCK_LENGTH_FIELD_BYTES = 4;

    @Override
    public CompressionType type() {
        return CompressionType.SNAPPY;
    }

    @Override
    public void checkAvailable() {
        try {
            SnappyLibrary.probe();
        } catch (Throwable t) {
            CodecUnavailable.rethrowFatal(t);
            throw CodecUnavailable.exception(CompressionType.SNAPPY, "snappy-java", "org/xerial/snappy", t);
        }
    }

    @Override
    public int maxCompressedSizeBytes(int uncompressedSizeBytes) {
        long fullBlocks = uncompressedSizeBytes / BLOCK_BYTES;
        int lastBlockBytes = uncompressedSizeBytes % BLOCK_BYTES;
        long bound = HEADER.length + fullBlocks * (BLOCK_LENGTH_FIELD_BYTES + maxBlockBytes(BLOCK_BYTES))
                + (lastBlockBytes == 0 ? 0 : BLOCK_LENGTH_FIELD_BYTES + maxBlockBytes(lastBlockBytes));
        return Buffers.requireBound(bound, uncompressedSizeBytes);
    }

    /** snappy's own worst case (snappy::MaxCompressedLength), computed here to need no native call. */
    static int maxBlockBytes(int blockBytes) {
        return 32 + blockBytes + blockBytes / 6;
    }

    /** {@code level} is ignored: snappy has none. */
    @Override
    public int compress(ByteBuffer src, ByteBuffer dst, int level) {
        Buffers.requireRoom(dst, maxCompressedSizeBytes(src.remaining()));
        return SnappyLibrary.compressStream(src, dst);
    }

    @Override
    public ByteBuffer decompress(ByteBuffer src) {
        return SnappyLibrary.decompressStream(src);
    }
}
