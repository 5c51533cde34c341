package io.odradek.api.serialization;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.odradek.api.Serializer;

/** The UUID's canonical 36-character text in UTF-8, as Kafka's {@code UUIDSerializer} writes it. */
public final class UUIDSerializer implements Serializer<UUID> {
    @Override
    public byte[] serialize(String topic, UUID data) {
        return data == null ? null : data.toString().getBytes(StandardCharsets.UTF_8);
    }
}
