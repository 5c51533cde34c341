package io.odradek.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The serializers most applications need, with the same byte layout as Kafka's own. */
public final class Serializers {
    private Serializers() {
    }

    /** UTF-8 text. */
    public static Serializer<String> string() {
        return (topic, data) -> data == null ? null : data.getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes as they are; the array is written as given. */
    public static Serializer<byte[]> byteArray() {
        return (topic, data) -> data;
    }

    /** The remaining bytes of the buffer, which is not consumed. */
    public static Serializer<ByteBuffer> byteBuffer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            byte[] bytes = new byte[data.remaining()];
            data.duplicate().get(bytes);
            return bytes;
        };
    }

    /** Four bytes, big-endian. */
    public static Serializer<Integer> integer() {
        return (topic, data) -> data == null ? null : ByteBuffer.allocate(Integer.BYTES).putInt(data).array();
    }

    /** Eight bytes, big-endian. */
    public static Serializer<Long> longs() {
        return (topic, data) -> data == null ? null : ByteBuffer.allocate(Long.BYTES).putLong(data).array();
    }

    /** The UUID's canonical 36-character text, UTF-8, as Kafka's UUIDSerializer writes it. */
    public static Serializer<UUID> uuid() {
        return (topic, data) -> data == null ? null : data.toString().getBytes(StandardCharsets.UTF_8);
    }
}
