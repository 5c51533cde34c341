package io.odradek.compression;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import io.odradek.api.CompressionType;
import io.odradek.domain.port.CompressionCodec;

/** Inputs and buffer shapes the codec tests share; all seeded. */
final class TestData {

    private TestData() {
    }

    record Input(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name + "(" + bytes.length + "B)";
        }
    }

    static List<Input> inputs() {
        return List.of(
                new Input("empty", new byte[0]),
                new Input("oneByte", new byte[] {42}),
                new Input("json", json(20_000, 1)),
                new Input("random", random(100_000, 2)),
                new Input("oneMiBMixed", mixed(1 << 20, 3)));
    }

    static byte[] random(int sizeBytes, long seed) {
        byte[] bytes = new byte[sizeBytes];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] json(int sizeBytes, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(sizeBytes + 200);
        while (text.length() < sizeBytes) {
            text.append("{\"id\":").append(random.nextInt(1_000_000))
                    .append(",\"user\":\"user-").append(random.nextInt(500))
                    .append("\",\"event\":\"").append(random.nextBoolean() ? "click" : "view")
                    .append("\",\"price\":").append(random.nextInt(10_000) / 100.0).append("}\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(bytes, sizeBytes);
    }

    /** Compressible text with incompressible stretches, so blocks of both kinds appear. */
    static byte[] mixed(int sizeBytes, long seed) {
        byte[] bytes = json(sizeBytes, seed);
        Random random = new Random(seed);
        for (int offset = 0; offset + 40_000 < sizeBytes; offset += 150_000) {
            byte[] noise = random(40_000, random.nextLong());
            System.arraycopy(noise, 0, bytes, offset, noise.length);
        }
        return bytes;
    }

    enum Kind { HEAP, DIRECT }

    /** The bytes at a non-zero position, between guard bytes, to catch absolute/relative index mistakes. */
    static ByteBuffer source(byte[] bytes, Kind kind) {
        ByteBuffer buffer = allocate(bytes.length + 10, kind);
        buffer.put(new byte[] {9, 9, 9, 9, 9}).put(bytes).put(new byte[] {7, 7, 7, 7, 7});
        buffer.position(5).limit(5 + bytes.length);
        return buffer;
    }

    static ByteBuffer allocate(int capacity, Kind kind) {
        return kind == Kind.HEAP ? ByteBuffer.allocate(capacity) : ByteBuffer.allocateDirect(capacity);
    }

    static byte[] toBytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    static CompressionCodec codec(CompressionType type) {
        return switch (type) {
            case GZIP -> new GzipCodec();
            case SNAPPY -> new SnappyCodec();
            case LZ4 -> new Lz4Codec();
            case ZSTD -> new ZstdCodec();
            case NONE -> throw new IllegalArgumentException("no codec for NONE");
        };
    }

    /** A few levels per codec, including each default; snappy has none (0 is passed and ignored). */
    static int[] levels(CompressionType type) {
        return switch (type) {
            case GZIP -> new int[] {-1, 1, 9};
            case SNAPPY -> new int[] {0};
            case LZ4 -> new int[] {1, 9, 17};
            case ZSTD -> new int[] {-5, 3, 12};
            case NONE -> new int[0];
        };
    }

    static final List<CompressionType> CODEC_TYPES =
            List.of(CompressionType.GZIP, CompressionType.SNAPPY, CompressionType.LZ4, CompressionType.ZSTD);
}
