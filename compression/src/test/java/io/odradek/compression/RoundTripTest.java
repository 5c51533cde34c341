package io.odradek.compression;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.odradek.api.CompressionType;
import io.odradek.compression.TestData.Input;
import io.odradek.compression.TestData.Kind;
import io.odradek.domain.port.CompressionCodec;

class RoundTripTest {

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (CompressionType type : TestData.CODEC_TYPES) {
            for (int level : TestData.levels(type)) {
                for (Input input : TestData.inputs()) {
                    for (Kind srcKind : Kind.values()) {
                        for (Kind dstKind : Kind.values()) {
                            cases.add(Arguments.of(type, level, input, srcKind, dstKind));
                        }
                    }
                }
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} level {1} {2} src {3} dst {4}")
    @MethodSource("cases")
    void decompressGivesBackWhatWasCompressed(CompressionType type, int level, Input input, Kind srcKind,
            Kind dstKind) {
        CompressionCodec codec = TestData.codec(type);
        ByteBuffer src = TestData.source(input.bytes(), srcKind);
        int bound = codec.maxCompressedSizeBytes(input.bytes().length);
        ByteBuffer dst = TestData.allocate(bound + 20, dstKind);
        dst.position(7);
        dst.put(0, (byte) 55);
        dst.put(6, (byte) 66);

        int written = codec.compress(src, dst, level);

        assertThat(written).isEqualTo(dst.position() - 7).isPositive().isLessThanOrEqualTo(bound);
        assertThat(src.position()).isEqualTo(src.limit());
        assertThat(dst.get(0)).isEqualTo((byte) 55);
        assertThat(dst.get(6)).isEqualTo((byte) 66);
        ByteBuffer compressed = dst.flip().position(7);
        ByteBuffer decompressed = codec.decompress(compressed);
        assertThat(TestData.toBytes(decompressed)).isEqualTo(input.bytes());
        assertThat(compressed.hasRemaining()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.odradek.compression.TestData#inputs")
    void readOnlyHeapSourceCompressesLikeAWritableOne(Input input) {
        for (CompressionType type : TestData.CODEC_TYPES) {
            CompressionCodec codec = TestData.codec(type);
            int level = type.hasLevels() ? type.defaultLevel() : 0;
            ByteBuffer dst = ByteBuffer.allocate(codec.maxCompressedSizeBytes(input.bytes().length));
            codec.compress(ByteBuffer.wrap(input.bytes()).asReadOnlyBuffer(), dst, level);

            assertThat(TestData.toBytes(codec.decompress(dst.flip()))).as(type.toString()).isEqualTo(input.bytes());
        }
    }
}
