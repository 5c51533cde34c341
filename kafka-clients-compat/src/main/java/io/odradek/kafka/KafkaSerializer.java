package io.odradek.kafka;

import org.apache.kafka.common.serialization.Serializer;

import io.odradek.api.Headers;

/** A Kafka {@link Serializer} as Odradek's: it sees the record's headers through Kafka's interface. */
final class KafkaSerializer<T> implements io.odradek.api.Serializer<T> {
    private final Serializer<T> serializer;

    KafkaSerializer(Serializer<T> serializer) {
        this.serializer = serializer;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return serializer.serialize(topic, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        return serializer.serialize(topic, new KafkaHeadersView(headers), data);
    }

    @Override
    public void close() {
        serializer.close();
    }

    @Override
    public String toString() {
        return serializer.getClass().getName();
    }
}
