package io.odradek.compression;

import java.nio.ByteBuffer;

import io.odradek.api.CompressionType;
import io.odradek.domain.port.CompressionCodec;

/**
 * lz4 as Kafka frames it: one LZ4 frame (magic 0x184D2204) of independent blocks of at most 64 KiB, no block or
 * content checksum, no content size, and the header checksum computed correctly (second byte of the xxhash32 of the
 * frame descriptor), as Kafka has written it since message format v1. A block that does not shrink is stored raw
 * (high bit of its size set). Levels 1..17; like Kafka, the default level 9 uses lz4's fast compressor and every
 * other level its high compressor (KIP-390).
 *
 * <p>lz4-java (at.yawk.lz4:lz4-java) is an optional dependency; it uses its JNI build where the platform has one
 * and pure Java otherwise.
 */
public final class Lz4Codec implements CompressionCodec {

    static final int MAGIC = 0x184D2204;
    static final int BLOCK_MAX_BYTES = 64 * 1024;
    /** FLG: version 01, independent blocks; no block checksum, content size or content checksum. */
    static final byte FLG = 0x60;
    /** BD: block maximum size code 4 = 64 KiB. */
    static final byte BD = 0x40;
    static final int FRAME_HEADER_BYTES = 7;
    static final int BLOCK_SIZE_FIELD_BYTES = 4;
    static final int END_MARK_BYTES = 4;
    static final int RAW_BLOCK_FLAG = 0x80000000;
    /**
     * Room to let lz4 compress any block in place before deciding to store it raw: lz4's worst case for one block
     * is its size + size/255 + 16, and raw blocks never exceed their size, so one block's worth covers the frame.
     */
    private static final int IN_PLACE_SLACK_BYTES = BLOCK_MAX_BYTES / 255 + 16;

    @Override
    public CompressionType type() {
        return CompressionType.LZ4;
    }

    @Override
    public void checkAvailable() {
        try {
            Lz4Library.probe();
        } catch (Throwable t) {
            CodecUnavailable.rethrowFatal(t);
            throw CodecUnavailable.exception(CompressionType.LZ4, "lz4-java", "net/jpountz", t);
        }
    }

    @Override
    public int maxCompressedSizeBytes(int uncompressedSizeBytes) {
        long blocks = Buffers.ceilDiv(uncompressedSizeBytes, BLOCK_MAX_BYTES);
        return Buffers.requireBound(FRAME_HEADER_BYTES + blocks * BLOCK_SIZE_FIELD_BYTES + uncompressedSizeBytes
                + END_MARK_BYTES + IN_PLACE_SLACK_BYTES, uncompressedSizeBytes);
    }

    @Override
    public int compress(ByteBuffer src, ByteBuffer dst, int level) {
        Buffers.requireLevel(CompressionType.LZ4, level);
        Buffers.requireRoom(dst, maxCompressedSizeBytes(src.remaining()));
        return Lz4Library.compressFrame(src, dst, level);
    }

    @Override
    public ByteBuffer decompress(ByteBuffer src) {
        return Lz4Library.decompressFrame(src);
    }
}
