package io.odradek.kafka;

import org.apache.kafka.common.serialization.Serializer;

import io.odradek.api.Headers;

/**
 * A Kafka {@link Serializer} as Odradek's. One that overrides Kafka's {@code serialize(topic, headers, data)}
 * sees the record's headers through Kafka's interface (and may add to them, as Spring's JSON serializer does);
 * one that does not is called without them, which spares a view object per record.
 */
final class KafkaSerializer<T> implements io.odradek.api.Serializer<T> {
    private final Serializer<T> serializer;
    private final boolean usesHeaders;

    KafkaSerializer(Serializer<T> serializer) {
        this.serializer = serializer;
        this.usesHeaders = usesHeaders(serializer);
    }

    /** Whether the serializer's class overrides the variant with headers (Kafka's default ignores them). */
    static boolean usesHeaders(Serializer<?> serializer) {
        try {
            return serializer.getClass().getMethod("serialize", String.class,
                    org.apache.kafka.common.header.Headers.class, Object.class).getDeclaringClass() != Serializer.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }

    /** Whether this serializer may add headers to a record. */
    boolean usesHeaders() {
        return usesHeaders;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return serializer.serialize(topic, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        return usesHeaders ? serializer.serialize(topic, new KafkaHeadersView(headers), data)
                : serializer.serialize(topic, data);
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
