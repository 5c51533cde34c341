package io.odradek.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32;

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.utils.BufferSupplier;
import org.junit.jupiter.api.Test;

import io.odradek.api.CompressionType;
import io.odradek.domain.port.CompressionCodec;

/** The framing bytes themselves, field by field. */
class FramingTest {

    private static byte[] compress(CompressionCodec codec, byte[] input, int level) {
        ByteBuffer dst = ByteBuffer.allocate(codec.maxCompressedSizeBytes(input.length));
        codec.compress(ByteBuffer.wrap(input), dst, level);
        return TestData.toBytes(dst.flip());
    }

    @Test
    void gzipIsOneMemberWithTheJdksHeaderAndACrc32AndSizeTrailer() {
        byte[] input = TestData.json(100_000, 9);
        byte[] gzip = compress(new GzipCodec(), input, 6);

        assertThat(Arrays.copyOf(gzip, 10)).containsExactly(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);
        ByteBuffer trailer = ByteBuffer.wrap(gzip, gzip.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN);
        CRC32 crc = new CRC32();
        crc.update(input);
        assertThat(trailer.getInt() & 0xFFFFFFFFL).isEqualTo(crc.getValue());
        assertThat(trailer.getInt()).isEqualTo(input.length);
    }

    @Test
    void lz4FrameHasKafkasDescriptorAndCorrectHeaderChecksum() {
        byte[] lz4 = compress(new Lz4Codec(), new byte[0], 9);

        // magic 0x184D2204 LE, FLG 0x60, BD 0x40, HC = (xxhash32(60 40) >> 8) & 0xFF = 0x82, then the end mark
        assertThat(lz4).containsExactly(0x04, 0x22, 0x4D, 0x18, 0x60, 0x40, 0x82, 0, 0, 0, 0);
    }

    @Test
    void lz4StoresIncompressibleBlocksRawWithTheHighBitSet() {
        byte[] input = TestData.random(70_000, 4);
        ByteBuffer frame = ByteBuffer.wrap(compress(new Lz4Codec(), input, 9)).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(frame.getInt(7)).isEqualTo(0x80000000 | 65_536);
        assertThat(frame.getInt(7 + 4 + 65_536)).isEqualTo(0x80000000 | (70_000 - 65_536));
        assertThat(frame.capacity()).isEqualTo(7 + 4 + 65_536 + 4 + (70_000 - 65_536) + 4);
    }

    @Test
    void snappyHasXerialHeaderAndBigEndianLengthsPer32KiBBlock() {
        byte[] input = TestData.json(70_000, 8);
        ByteBuffer stream = ByteBuffer.wrap(compress(new SnappyCodec(), input, 0));

        byte[] header = new byte[16];
        stream.get(header);
        assertThat(header).containsExactly(0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0, 0, 0, 0, 1, 0, 0, 0, 1);
        int blocks = 0;
        while (stream.hasRemaining()) {
            int length = stream.getInt();
            assertThat(length).isPositive().isLessThanOrEqualTo(stream.remaining());
            stream.position(stream.position() + length);
            blocks++;
        }
        assertThat(blocks).isEqualTo(3); // 32 KiB + 32 KiB + 4464 bytes
    }

    @Test
    void snappyStreamWithoutHeaderIsRejectedByKafkaAndByUs() {
        assertThatThrownBy(() -> Compression.snappy().build()
                .wrapForInput(ByteBuffer.allocate(0), RecordBatch.MAGIC_VALUE_V2, BufferSupplier.NO_CACHING)
                .readAllBytes())
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> new SnappyCodec().decompress(ByteBuffer.allocate(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header");
    }

    @Test
    void zstdWritesAStandardFrameWithItsContentSize() {
        byte[] zstd = compress(new ZstdCodec(), TestData.json(1000, 3), 3);

        assertThat(ByteBuffer.wrap(zstd).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(0xFD2FB528);
        int frameHeaderDescriptor = zstd[4] & 0xFF;
        assertThat(frameHeaderDescriptor >>> 6).as("frame content size flag").isNotZero();
        assertThat(frameHeaderDescriptor & 0x04).as("content checksum flag").isZero();
    }

    @Test
    void everyCodecReportsItsType() {
        for (CompressionType type : TestData.CODEC_TYPES) {
            assertThat(TestData.codec(type).type()).isEqualTo(type);
        }
    }
}
