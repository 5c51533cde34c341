package io.odradek.compression;

import java.nio.ByteBuffer;

import io.odradek.api.CompressionType;
import io.odradek.domain.port.CompressionCodec;

/**
 * zstd: one standard zstd frame (RFC 8878) with the content size in its header and no checksum, which Kafka's
 * streaming {@code ZstdInputStream} reads like any other frame. Levels -131072..22, default 3.
 *
 * <p>zstd-jni (com.github.luben:zstd-jni) is an optional dependency with a native part and no pure-Java fallback.
 */
public final class ZstdCodec implements CompressionCodec {

    @Override
    public CompressionType type() {
        return CompressionType.ZSTD;
    }

    @Override
    public void checkAvailable() {
        try {
            ZstdLibrary.probe();
        } catch (Throwable t) {
            CodecUnavailable.rethrowFatal(t);
            throw CodecUnavailable.exception(CompressionType.ZSTD, "zstd-jni", "com/github/luben/zstd", t);
        }
    }

    /** zstd.h's ZSTD_COMPRESSBOUND, computed here to need no native call. */
    @Override
    public int maxCompressedSizeBytes(int uncompressedSizeBytes) {
        long size = uncompressedSizeBytes;
        long smallInputMargin = size < 128 * 1024 ? (128 * 1024 - size) >> 11 : 0;
        return Buffers.requireBound(size + (size >> 8) + smallInputMargin, uncompressedSizeBytes);
    }

    @Override
    public int compress(ByteBuffer src, ByteBuffer dst, int level) {
        Buffers.requireLevel(CompressionType.ZSTD, level);
        Buffers.requireRoom(dst, maxCompressedSizeBytes(src.remaining()));
        return ZstdLibrary.compressFrame(src, dst, level);
    }

    @Override
    public ByteBuffer decompress(ByteBuffer src) {
        return ZstdLibrary.decompressFrames(src);
    }
}
