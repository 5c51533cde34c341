package io.odradek.compression;

import java.nio.ByteBuffer;

/**
 * A raw deflate stream (RFC 1951) of stored, uncompressed blocks. Its size depends only on the input's, never on
 * the zlib build the JDK links, which makes it the gzip codec's fallback for input that does not compress.
 */
final class StoredDeflateBlocks {

    static final int BLOCK_MAX_BYTES = 65_535;
    /** One byte of BFINAL/BTYPE bits padded to the byte boundary, then LEN and NLEN. */
    static final int BLOCK_HEADER_BYTES = 5;

    private StoredDeflateBlocks() {
    }

    static long sizeBytes(int inputBytes) {
        int blocks = Math.max(1, Buffers.ceilDiv(inputBytes, BLOCK_MAX_BYTES));
        return (long) inputBytes + (long) blocks * BLOCK_HEADER_BYTES;
    }

    /**
     * Writes all of {@code in} (advancing it) into {@code dst} from {@code position}, leaving dst's own position
     * alone.
     *
     * @return the index just past the stream
     */
    static int write(ByteBuffer in, ByteBuffer dst, int position) {
        ByteBuffer out = dst.duplicate();
        out.position(position);
        do {
            int blockBytes = Math.min(in.remaining(), BLOCK_MAX_BYTES);
            boolean last = blockBytes == in.remaining();
            out.put((byte) (last ? 1 : 0)); // BFINAL in bit 0, BTYPE 00 (stored) in bits 1-2
            out.put((byte) blockBytes).put((byte) (blockBytes >>> 8));
            out.put((byte) ~blockBytes).put((byte) (~blockBytes >>> 8));
            ByteBuffer block = in.slice();
            block.limit(blockBytes);
            out.put(block);
            in.position(in.position() + blockBytes);
        } while (in.hasRemaining());
        return out.position();
    }
}
