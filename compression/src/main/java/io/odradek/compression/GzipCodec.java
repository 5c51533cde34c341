package io.odradek.compression;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

import io.odradek.api.CompressionType;
import io.odradek.domain.port.CompressionCodec;

/**
 * gzip as Kafka reads it ({@code GZIPInputStream}): one gzip member (RFC 1952) of a 10-byte header, a raw deflate
 * stream and a CRC32 + ISIZE trailer. Levels 1..9, or -1 for zlib's default (6). Needs nothing beyond the JDK.
 */
public final class GzipCodec implements CompressionCodec {

    // magic, CM=deflate, no flags, MTIME 0, XFL 0, OS 255 "unknown": what the JDK's GZIPOutputStream writes
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int TRAILER_BYTES = 8;

    // a Deflater owns native zlib state worth ~256 KiB: keep one per level per thread rather than one per batch
    private static final ThreadLocal<ThreadState> STATE = ThreadLocal.withInitial(ThreadState::new);

    @Override
    public CompressionType type() {
        return CompressionType.GZIP;
    }

    @Override
    public void checkAvailable() {
        // java.util.zip is part of every JDK
    }

    @Override
    public int maxCompressedSizeBytes(int uncompressedSizeBytes) {
        return Buffers.requireBound(
                (long) HEADER.length + deflateBoundBytes(uncompressedSizeBytes) + TRAILER_BYTES, uncompressedSizeBytes);
    }

    @Override
    public int compress(ByteBuffer src, ByteBuffer dst, int level) {
        Buffers.requireLevel(CompressionType.GZIP, level);
        int sizeBytes = src.remaining();
        Buffers.requireRoom(dst, maxCompressedSizeBytes(sizeBytes));
        int start = dst.position();
        dst.put(HEADER);

        ThreadState state = STATE.get();
        int deflatedEnd = deflate(state.deflater(level), src.duplicate(), dst, deflateBoundBytes(sizeBytes));
        if (deflatedEnd < 0) {
            // Only incompressible input gets here, when this zlib's framing costs more than stored blocks do
            deflatedEnd = StoredDeflateBlocks.write(src.duplicate(), dst, dst.position());
        }
        CRC32 crc = state.crc;
        crc.reset();
        crc.update(src.duplicate());
        Buffers.putIntLittleEndian(dst, deflatedEnd, (int) crc.getValue());
        Buffers.putIntLittleEndian(dst, deflatedEnd + 4, sizeBytes); // ISIZE: the size modulo 2^32
        dst.position(deflatedEnd + TRAILER_BYTES);
        src.position(src.limit());
        return dst.position() - start;
    }

    @Override
    public ByteBuffer decompress(ByteBuffer src) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Buffers.heapBytes(src)))) {
            ByteBuffer out = ByteBuffer.wrap(in.readAllBytes());
            src.position(src.limit());
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed gzip stream: " + e.getMessage(), e);
        }
    }

    /** The deflate part's bound: zlib's compressBound, or stored blocks' size if a stored fallback is larger. */
    private static long deflateBoundBytes(int sizeBytes) {
        long zlibBound = (long) sizeBytes + (sizeBytes >> 12) + (sizeBytes >> 14) + (sizeBytes >> 25) + 13;
        return Math.max(zlibBound, StoredDeflateBlocks.sizeBytes(sizeBytes));
    }

    /** Deflates into dst from its position, using at most boundBytes; -1 if that was not enough. */
    private static int deflate(Deflater deflater, ByteBuffer in, ByteBuffer dst, long boundBytes) {
        ByteBuffer out = dst.duplicate();
        out.limit(out.position() + (int) boundBytes);
        try {
            deflater.setInput(in);
            deflater.finish();
            while (!deflater.finished() && out.hasRemaining()) {
                deflater.deflate(out);
            }
            return deflater.finished() ? out.position() : -1;
        } finally {
            // also drops the Deflater's reference to the caller's buffer
            deflater.reset();
        }
    }

    private static final class ThreadState {
        private final Deflater[] deflatersByLevel = new Deflater[11];
        private final CRC32 crc = new CRC32();

        Deflater deflater(int level) {
            int index = level + 1; // -1 (zlib default) .. 9
            Deflater deflater = deflatersByLevel[index];
            if (deflater == null) {
                deflater = new Deflater(level, true); // nowrap: raw deflate, we write the gzip framing ourselves
                deflatersByLevel[index] = deflater;
            }
            return deflater;
        }
    }
}
