package io.odradek.api.serialization;

import java.nio.ByteBuffer;

import io.odradek.api.Serializer;

/** The remaining bytes of the buffer, which is not consumed. */
public final class ByteBufferSerializer implements Serializer<ByteBuffer> {
    @Override
    public byte[] serialize(String topic, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        return bytes;
    }
}
