package io.odradek.compression;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.stream.Stream;

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.utils.BufferSupplier;
import org.apache.kafka.common.utils.ByteBufferOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.odradek.api.CompressionType;
import io.odradek.compression.TestData.Input;
import io.odradek.compression.TestData.Kind;
import io.odradek.domain.port.CompressionCodec;

/** Apache Kafka's own compression streams (record batch magic v2) against ours, both ways. */
class KafkaCompatibilityTest {

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (CompressionType type : TestData.CODEC_TYPES) {
            for (int level : TestData.levels(type)) {
                for (Input input : TestData.inputs()) {
                    for (Kind kind : Kind.values()) {
                        cases.add(Arguments.of(type, level, input, kind));
                    }
                }
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} level {1} {2} {3}")
    @MethodSource("cases")
    void kafkaDecompressesWhatWeCompress(CompressionType type, int level, Input input, Kind kind)
            throws IOException {
        CompressionCodec codec = TestData.codec(type);
        ByteBuffer dst = TestData.allocate(codec.maxCompressedSizeBytes(input.bytes().length), kind);
        codec.compress(TestData.source(input.bytes(), kind), dst, level);

        assertThat(kafkaDecompress(type, level, dst.flip())).isEqualTo(input.bytes());
    }

    @ParameterizedTest(name = "{0} level {1} {2} {3}")
    @MethodSource("cases")
    void weDecompressWhatKafkaCompresses(CompressionType type, int level, Input input, Kind kind)
            throws IOException {
        byte[] kafkaCompressed = kafkaCompress(type, level, input.bytes());
        ByteBuffer src = TestData.allocate(kafkaCompressed.length, kind).put(kafkaCompressed).flip();

        assertThat(TestData.toBytes(TestData.codec(type).decompress(src))).isEqualTo(input.bytes());
    }

    /** Same library, same block size, same framing: the bytes should be Kafka's exactly. */
    @ParameterizedTest(name = "{0} level {1} {2} {3}")
    @MethodSource("cases")
    void lz4AndSnappyFramesAreByteForByteKafkas(CompressionType type, int level, Input input, Kind kind)
            throws IOException {
        if (type != CompressionType.LZ4 && type != CompressionType.SNAPPY) {
            return;
        }
        CompressionCodec codec = TestData.codec(type);
        ByteBuffer dst = TestData.allocate(codec.maxCompressedSizeBytes(input.bytes().length), kind);
        codec.compress(TestData.source(input.bytes(), kind), dst, level);

        assertThat(TestData.toBytes(dst.flip())).isEqualTo(kafkaCompress(type, level, input.bytes()));
    }

    private static Compression kafkaCompression(CompressionType type, int level) {
        return switch (type) {
            case GZIP -> Compression.gzip().level(level).build();
            case SNAPPY -> Compression.snappy().build();
            case LZ4 -> Compression.lz4().level(level).build();
            case ZSTD -> Compression.zstd().level(level).build();
            case NONE -> throw new IllegalArgumentException("NONE");
        };
    }

    private static byte[] kafkaCompress(CompressionType type, int level, byte[] bytes) throws IOException {
        ByteBufferOutputStream buffer = new ByteBufferOutputStream(256);
        try (OutputStream out = kafkaCompression(type, level).wrapForOutput(buffer, RecordBatch.MAGIC_VALUE_V2)) {
            out.write(bytes);
        }
        return TestData.toBytes(buffer.buffer().flip());
    }

    private static byte[] kafkaDecompress(CompressionType type, int level, ByteBuffer compressed)
            throws IOException {
        try (InputStream in = kafkaCompression(type, level)
                .wrapForInput(compressed, RecordBatch.MAGIC_VALUE_V2, BufferSupplier.NO_CACHING)) {
            return in.readAllBytes();
        }
    }
}
