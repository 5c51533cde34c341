package io.odradek.api;

/**
 * Turns a key or value into bytes. Null in, null out: a null key or value stays null on the wire.
 * Implementations must be thread-safe; {@link Serializers} has the common ones.
 */
@FunctionalInterface
public interface Serializer<T> extends AutoCloseable {

    byte[] serialize(String topic, T data);

    /** Serializes with access to the record's headers, which it may add to. */
    default byte[] serialize(String topic, Headers headers, T data) {
        return serialize(topic, data);
    }

    @Override
    default void close() {
    }
}
