package io.odradek.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.odradek.api.CompressionType;
import io.odradek.compression.TestData.Kind;
import io.odradek.domain.port.CompressionCodec;

/** Incompressible input is the worst case for every framing: it must still fit the advertised bound exactly. */
class MaxCompressedSizeTest {

    private static final int[] SIZES = {0, 1, 100, 65_535, 65_536, 65_537, 1 << 20};

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (CompressionType type : TestData.CODEC_TYPES) {
            for (int level : boundLevels(type)) {
                for (int size : SIZES) {
                    for (Kind kind : Kind.values()) {
                        cases.add(Arguments.of(type, level, size, kind));
                    }
                }
            }
        }
        return cases.build();
    }

    /** Every gzip and lz4 level; zstd's extremes and a few between (level 22 on 1 MiB is slow, bound is level-free). */
    private static int[] boundLevels(CompressionType type) {
        return switch (type) {
            case GZIP -> IntStream.concat(IntStream.of(-1), IntStream.rangeClosed(1, 9)).toArray();
            case LZ4 -> IntStream.rangeClosed(1, 17).toArray();
            case ZSTD -> new int[] {-131072, -1, 1, 3, 19};
            default -> TestData.levels(type);
        };
    }

    @ParameterizedTest(name = "{0} level {1} size {2} {3}")
    @MethodSource("cases")
    void randomInputFitsADestinationOfExactlyTheBound(CompressionType type, int level, int size, Kind kind) {
        CompressionCodec codec = TestData.codec(type);
        byte[] input = TestData.random(size, size * 31L + level);
        int bound = codec.maxCompressedSizeBytes(size);
        ByteBuffer dst = TestData.allocate(bound, kind);

        int written = codec.compress(TestData.source(input, kind), dst, level);

        assertThat(written).isLessThanOrEqualTo(bound);
        assertThat(TestData.toBytes(codec.decompress(dst.flip()))).isEqualTo(input);
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"GZIP", "SNAPPY", "LZ4", "ZSTD"})
    void boundGrowsWithTheInputAndRejectsNegativeSizes(CompressionType type) {
        CompressionCodec codec = TestData.codec(type);
        for (int size : SIZES) {
            assertThat(codec.maxCompressedSizeBytes(size)).isGreaterThan(size);
        }
        assertThatThrownBy(() -> codec.maxCompressedSizeBytes(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"GZIP", "SNAPPY", "LZ4", "ZSTD"})
    void destinationSmallerThanTheBoundIsABrokenContract(CompressionType type) {
        CompressionCodec codec = TestData.codec(type);
        ByteBuffer src = ByteBuffer.wrap(TestData.json(1000, 5));
        ByteBuffer dst = ByteBuffer.allocate(codec.maxCompressedSizeBytes(1000) - 1);
        int level = type.hasLevels() ? type.defaultLevel() : 0;

        assertThatThrownBy(() -> codec.compress(src, dst, level))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxCompressedSizeBytes");
        assertThat(src.position()).isZero();
        assertThat(dst.position()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"GZIP", "LZ4", "ZSTD"})
    void levelsOutsideTheCodecsRangeAreRejected(CompressionType type) {
        CompressionCodec codec = TestData.codec(type);
        ByteBuffer dst = ByteBuffer.allocate(codec.maxCompressedSizeBytes(10));

        assertThatThrownBy(() -> codec.compress(ByteBuffer.allocate(10), dst, type.maxLevel() + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(type.configValue());
    }
}
