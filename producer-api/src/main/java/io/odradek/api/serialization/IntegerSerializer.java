package io.odradek.api.serialization;

import java.nio.ByteBuffer;

import io.odradek.api.Serializer;

/** Four bytes, big-endian, as Kafka's {@code IntegerSerializer} writes them. */
public final class IntegerSerializer implements Serializer<Integer> {
    @Override
    public byte[] serialize(String topic, Integer data) {
        return data == null ? null : ByteBuffer.allocate(Integer.BYTES).putInt(data).array();
    }
}
