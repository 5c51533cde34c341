/**
 * Kafka's four batch compression codecs behind the domain's {@link io.odradek.domain.port.CompressionCodec} port,
 * found with {@link java.util.ServiceLoader}: {@link io.odradek.compression.GzipCodec} (JDK only),
 * {@link io.odradek.compression.SnappyCodec} (snappy-java), {@link io.odradek.compression.Lz4Codec} (at.yawk.lz4
 * lz4-java) and {@link io.odradek.compression.ZstdCodec} (zstd-jni). The three libraries are optional
 * dependencies: a codec whose jar or native part is missing still loads, and its {@code checkAvailable()} throws a
 * {@link io.odradek.api.ConfigException} naming the artifact to add.
 *
 * <p>Every codec compresses in one call, straight from {@code src} into {@code dst}, and expects
 * {@code dst.remaining() >= maxCompressedSizeBytes(src.remaining())} (it throws {@link IllegalArgumentException}
 * otherwise): it may use that room as working space past the bytes it finally reports. Heap and direct buffers,
 * in any mix, are accepted; per-thread native state (zlib deflaters, zstd contexts) is reused across calls.
 *
 * <pre>{@code
 * CompressionCodec codec = new ZstdCodec();
 * codec.checkAvailable();
 * ByteBuffer dst = ByteBuffer.allocateDirect(codec.maxCompressedSizeBytes(records.remaining()));
 * int written = codec.compress(records, dst, 3);
 * }</pre>
 */
package io.odradek.compression;
