package io.odradek.api;

import java.nio.ByteBuffer;
import java.util.UUID;

import io.odradek.api.serialization.ByteArraySerializer;
import io.odradek.api.serialization.ByteBufferSerializer;
import io.odradek.api.serialization.IntegerSerializer;
import io.odradek.api.serialization.LongSerializer;
import io.odradek.api.serialization.StringSerializer;
import io.odradek.api.serialization.UUIDSerializer;

/**
 * The serializers most applications need, with the same byte layout as Kafka's own. The classes behind them
 * live in {@link io.odradek.api.serialization}, for {@code key.serializer}/{@code value.serializer} by name.
 */
public final class Serializers {
    private Serializers() {
    }

    /** UTF-8 text. */
    public static Serializer<String> string() {
        return new StringSerializer();
    }

    /** Bytes as they are; the array is written as given. */
    public static Serializer<byte[]> byteArray() {
        return new ByteArraySerializer();
    }

    /** The remaining bytes of the buffer, which is not consumed. */
    public static Serializer<ByteBuffer> byteBuffer() {
        return new ByteBufferSerializer();
    }

    /** Four bytes, big-endian. */
    public static Serializer<Integer> integer() {
        return new IntegerSerializer();
    }

    /** Eight bytes, big-endian. */
    public static Serializer<Long> longs() {
        return new LongSerializer();
    }

    /** The UUID's canonical 36-character text, UTF-8, as Kafka's UUIDSerializer writes it. */
    public static Serializer<UUID> uuid() {
        return new UUIDSerializer();
    }
}
