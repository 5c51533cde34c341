package io.odradek.api.serialization;

import java.nio.ByteBuffer;

import io.odradek.api.Serializer;

/** Eight bytes, big-endian, as Kafka's {@code LongSerializer} writes them. */
public final class LongSerializer implements Serializer<Long> {
    @Override
    public byte[] serialize(String topic, Long data) {
        return data == null ? null : ByteBuffer.allocate(Long.BYTES).putLong(data).array();
    }
}
