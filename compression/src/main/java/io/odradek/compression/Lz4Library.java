package io.odradek.compression;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import io.odradek.api.CompressionType;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Everything that touches lz4-java, kept apart from {@link Lz4Codec} so the codec still loads (and can report what
 * is missing) when the jar is absent.
 */
final class Lz4Library {

    private static final LZ4Factory FACTORY = LZ4Factory.fastestInstance();
    private static final XXHash32 XXHASH = XXHashFactory.fastestInstance().hash32();
    private static final LZ4Compressor[] COMPRESSORS_BY_LEVEL = compressors();
    private static final byte HEADER_CHECKSUM = headerChecksum(new byte[] {Lz4Codec.FLG, Lz4Codec.BD}, 0, 2);

    private Lz4Library() {
    }

    static void probe() {
        byte[] sample = {1, 2, 3, 4};
        COMPRESSORS_BY_LEVEL[CompressionType.LZ4.defaultLevel()].compress(sample);
    }

    static int compressFrame(ByteBuffer src, ByteBuffer dst, int level) {
        LZ4Compressor compressor = COMPRESSORS_BY_LEVEL[level];
        int start = dst.position();
        Buffers.putIntLittleEndian(dst, start, Lz4Codec.MAGIC);
        dst.put(start + 4, Lz4Codec.FLG);
        dst.put(start + 5, Lz4Codec.BD);
        dst.put(start + 6, HEADER_CHECKSUM);
        int position = start + Lz4Codec.FRAME_HEADER_BYTES;

        int srcPosition = src.position();
        int srcEnd = src.limit();
        while (srcPosition < srcEnd) {
            int blockBytes = Math.min(srcEnd - srcPosition, Lz4Codec.BLOCK_MAX_BYTES);
            int dataPosition = position + Lz4Codec.BLOCK_SIZE_FIELD_BYTES;
            int compressedBytes = compressor.compress(src, srcPosition, blockBytes, dst, dataPosition,
                    compressor.maxCompressedLength(blockBytes));
            if (compressedBytes >= blockBytes) {
                dst.put(dataPosition, src, srcPosition, blockBytes);
                Buffers.putIntLittleEndian(dst, position, blockBytes | Lz4Codec.RAW_BLOCK_FLAG);
                position = dataPosition + blockBytes;
            } else {
                Buffers.putIntLittleEndian(dst, position, compressedBytes);
                position = dataPosition + compressedBytes;
            }
            srcPosition += blockBytes;
        }
        Buffers.putIntLittleEndian(dst, position, 0); // end mark; no content checksum follows
        position += Lz4Codec.END_MARK_BYTES;
        src.position(srcEnd);
        dst.position(position);
        return position - start;
    }

    /** Reads any LZ4 frame of independent blocks, including optional checksums and content size. */
    static ByteBuffer decompressFrame(ByteBuffer src) {
        ByteBuffer in = ByteBuffer.wrap(Buffers.heapBytes(src)).order(ByteOrder.LITTLE_ENDIAN);
        try {
            ByteBuffer out = ByteBuffer.wrap(readFrame(in));
            src.position(src.position() + in.position());
            return out;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated lz4 frame", e);
        } catch (LZ4Exception e) {
            throw new IllegalArgumentException("malformed lz4 block: " + e.getMessage(), e);
        }
    }

    private static byte[] readFrame(ByteBuffer in) {
        byte[] bytes = in.array();
        if (in.getInt() != Lz4Codec.MAGIC) {
            throw new IllegalArgumentException("not an lz4 frame: bad magic");
        }
        int descriptorStart = in.position();
        int flg = in.get() & 0xFF;
        int bd = in.get() & 0xFF;
        if ((flg >>> 6) != 1) {
            throw new IllegalArgumentException("unsupported lz4 frame version " + (flg >>> 6));
        }
        if ((flg & 0x20) == 0) {
            throw new IllegalArgumentException("lz4 frames with dependent blocks are not supported");
        }
        boolean blockChecksums = (flg & 0x10) != 0;
        boolean contentChecksum = (flg & 0x04) != 0;
        if ((flg & 0x08) != 0) {
            in.position(in.position() + 8); // content size: not needed to decode
        }
        byte expectedChecksum = headerChecksum(bytes, descriptorStart, in.position() - descriptorStart);
        if (in.get() != expectedChecksum) {
            throw new IllegalArgumentException("lz4 frame header checksum mismatch");
        }
        int blockMaxBytes = 1 << (2 * ((bd >>> 4) & 7) + 8);
        LZ4SafeDecompressor decompressor = FACTORY.safeDecompressor();
        byte[] block = new byte[blockMaxBytes];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int sizeField = in.getInt();
            if (sizeField == 0) {
                break;
            }
            int storedBytes = sizeField & ~Lz4Codec.RAW_BLOCK_FLAG;
            if (storedBytes > blockMaxBytes || storedBytes > in.remaining()) {
                throw new IllegalArgumentException("lz4 block of " + storedBytes + " bytes does not fit the frame");
            }
            if ((sizeField & Lz4Codec.RAW_BLOCK_FLAG) != 0) {
                out.write(bytes, in.position(), storedBytes);
            } else {
                int blockBytes = decompressor.decompress(bytes, in.position(), storedBytes, block, 0, blockMaxBytes);
                out.write(block, 0, blockBytes);
            }
            in.position(in.position() + storedBytes + (blockChecksums ? 4 : 0));
        }
        if (contentChecksum) {
            in.position(in.position() + 4);
        }
        return out.toByteArray();
    }

    private static byte headerChecksum(byte[] bytes, int offset, int length) {
        return (byte) ((XXHASH.hash(bytes, offset, length, 0) >>> 8) & 0xFF);
    }

    private static LZ4Compressor[] compressors() {
        LZ4Compressor[] compressors = new LZ4Compressor[CompressionType.LZ4.maxLevel() + 1];
        for (int level = CompressionType.LZ4.minLevel(); level <= CompressionType.LZ4.maxLevel(); level++) {
            compressors[level] = level == CompressionType.LZ4.defaultLevel()
                    ? FACTORY.fastCompressor()
                    : FACTORY.highCompressor(level);
        }
        return compressors;
    }
}
