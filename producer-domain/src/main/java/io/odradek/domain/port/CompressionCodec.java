package io.odradek.domain.port;

import java.nio.ByteBuffer;

import io.odradek.api.CompressionType;

/**
 * One compression codec, framed exactly as Kafka expects inside a record batch. Found with
 * {@link java.util.ServiceLoader}; implementations are thread-safe.
 */
public interface CompressionCodec {

    CompressionType type();

    /**
     * Fails with a {@link io.odradek.api.ConfigException} naming the codec and the artifact to add when the
     * codec's library (or native part) cannot be loaded here. Called when a producer is built.
     */
    void checkAvailable();

    /** The most bytes {@link #compress} can write for this many input bytes. */
    int maxCompressedSizeBytes(int uncompressedSizeBytes);

    /**
     * Compresses {@code src} from position to limit into {@code dst} at its position, advancing both.
     *
     * @return the number of bytes written
     */
    int compress(ByteBuffer src, ByteBuffer dst, int level);

    /** Decompresses a whole compressed stream (tools and tests; the producer never needs it). */
    ByteBuffer decompress(ByteBuffer src);
}
