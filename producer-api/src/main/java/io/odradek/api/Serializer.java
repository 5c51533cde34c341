package io.odradek.api;

import java.util.Map;

/**
 * Turns a key or value into bytes. Null in, null out: a null key or value stays null on the wire.
 * Implementations must be thread-safe; {@link Serializers} has the common ones.
 *
 * <p>Give instances to {@link Producer#create(ProducerConfig, Serializer, Serializer)}, or name classes with
 * {@code key.serializer} and {@code value.serializer} (a public class with a public no-arg constructor), in
 * which case {@link #configure} receives the configuration first, as Kafka's serializers do.
 */
@FunctionalInterface
public interface Serializer<T> extends AutoCloseable {

    byte[] serialize(String topic, T data);

    /** Serializes with access to the record's headers, which it may add to. */
    default byte[] serialize(String topic, Headers headers, T data) {
        return serialize(topic, data);
    }

    /**
     * Receives the producer's configuration ({@link ProducerConfig#asMap()}, including keys Odradek does not
     * know), once, before first use, when the producer created this serializer from a class name.
     *
     * @param isKey true for {@code key.serializer}, false for {@code value.serializer}
     */
    default void configure(Map<String, ?> configs, boolean isKey) {
    }

    @Override
    default void close() {
    }
}
