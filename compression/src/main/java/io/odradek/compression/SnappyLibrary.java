package io.odradek.compression;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import org.xerial.snappy.Snappy;

/**
 * Everything that touches snappy-java, kept apart from {@link SnappyCodec} so the codec still loads (and can report
 * what is missing) when the jar is absent.
 */
final class SnappyLibrary {

    // snappy-java takes either two heap arrays or two direct buffers; a mixed pair goes through these per thread
    private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[][] {
        new byte[SnappyCodec.BLOCK_BYTES], new byte[SnappyCodec.maxBlockBytes(SnappyCodec.BLOCK_BYTES)]});

    private SnappyLibrary() {
    }

    static void probe() throws IOException {
        Snappy.compress(new byte[] {1, 2, 3, 4});
    }

    static int compressStream(ByteBuffer src, ByteBuffer dst) {
        int start = dst.position();
        dst.put(start, SnappyCodec.HEADER);
        int position = start + SnappyCodec.HEADER.length;
        int srcPosition = src.position();
        int srcEnd = src.limit();
        try {
            while (srcPosition < srcEnd) {
                int blockBytes = Math.min(srcEnd - srcPosition, SnappyCodec.BLOCK_BYTES);
                int dataPosition = position + SnappyCodec.BLOCK_LENGTH_FIELD_BYTES;
                int compressedBytes = compressBlock(src, srcPosition, blockBytes, dst, dataPosition);
                dst.putInt(position, compressedBytes); // big-endian, as DataOutputStream would write it
                position = dataPosition + compressedBytes;
                srcPosition += blockBytes;
            }
        } catch (IOException e) {
            throw new IllegalStateException("snappy failed to compress a block", e);
        }
        src.position(srcEnd);
        dst.position(position);
        return position - start;
    }

    private static int compressBlock(ByteBuffer src, int srcPosition, int blockBytes, ByteBuffer dst,
            int dstPosition) throws IOException {
        if (src.isDirect() && dst.isDirect()) {
            ByteBuffer in = src.duplicate();
            in.limit(srcPosition + blockBytes).position(srcPosition);
            ByteBuffer out = dst.duplicate();
            out.position(dstPosition);
            return Snappy.compress(in, out);
        }
        byte[][] scratch = SCRATCH.get();
        byte[] in;
        int inOffset;
        if (src.hasArray()) {
            in = src.array();
            inOffset = src.arrayOffset() + srcPosition;
        } else {
            in = scratch[0];
            inOffset = 0;
            src.get(srcPosition, in, 0, blockBytes);
        }
        if (dst.hasArray()) {
            return Snappy.compress(in, inOffset, blockBytes, dst.array(), dst.arrayOffset() + dstPosition);
        }
        int compressedBytes = Snappy.compress(in, inOffset, blockBytes, scratch[1], 0);
        dst.put(dstPosition, scratch[1], 0, compressedBytes);
        return compressedBytes;
    }

    static ByteBuffer decompressStream(ByteBuffer src) {
        byte[] bytes = Buffers.heapBytes(src);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int headerBytes = SnappyCodec.HEADER.length;
        // like SnappyInputStream, an empty input is an error: a stream always starts with its header
        if (bytes.length < headerBytes || !Arrays.equals(bytes, 0, 8, SnappyCodec.HEADER, 0, 8)) {
            throw new IllegalArgumentException("not a snappy-java stream: missing header");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(headerBytes);
        try {
            while (in.hasRemaining()) {
                int compressedBytes = in.remaining() >= 4 ? in.getInt() : -1;
                if (compressedBytes < 0 || compressedBytes > in.remaining()) {
                    throw new IllegalArgumentException("truncated snappy-java stream");
                }
                byte[] block = new byte[Snappy.uncompressedLength(bytes, in.position(), compressedBytes)];
                Snappy.uncompress(bytes, in.position(), compressedBytes, block, 0);
                out.write(block, 0, block.length);
                in.position(in.position() + compressedBytes);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed snappy block: " + e.getMessage(), e);
        }
        src.position(src.limit());
        return ByteBuffer.wrap(out.toByteArray());
    }
}
