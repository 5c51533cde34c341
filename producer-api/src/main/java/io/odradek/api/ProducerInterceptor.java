package io.odradek.api;

import java.util.Map;

/**
 * Sees every record before it is serialized and every acknowledgement before the user's callback, as
 * Kafka's interceptors do. An exception thrown by an interceptor is logged and ignored; it never fails a
 * send.
 */
public interface ProducerInterceptor<K, V> extends AutoCloseable {

    /** Called on the sending thread; may return a different record (e.g. with headers added). */
    ProducerRecord<K, V> onSend(ProducerRecord<K, V> record);

    /**
     * Called on the I/O thread when a record is acknowledged or failed, and on the sending thread when
     * {@code send} fails before the record was buffered. Keep it short.
     */
    void onAcknowledgement(RecordMetadata metadata, Exception exception);

    /** Receives the producer's configuration as Kafka-style keys, once, before first use. */
    default void configure(Map<String, ?> configs) {
    }

    @Override
    default void close() {
    }
}
