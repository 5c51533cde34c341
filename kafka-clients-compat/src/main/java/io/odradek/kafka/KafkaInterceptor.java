package io.odradek.kafka;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.common.header.Headers;

import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordMetadata;

/**
 * A Kafka {@link ProducerInterceptor} as Odradek's. {@code onAcknowledgement} gets empty headers: Odradek
 * does not keep a record's headers until its acknowledgement.
 */
final class KafkaInterceptor<K, V> implements io.odradek.api.ProducerInterceptor<K, V> {
    private static final Headers NO_HEADERS = new KafkaHeadersView(io.odradek.api.Headers.empty());

    private final ProducerInterceptor<K, V> interceptor;
    private final TopicPartitionCache topicPartitions = new TopicPartitionCache();

    KafkaInterceptor(ProducerInterceptor<K, V> interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public ProducerRecord<K, V> onSend(ProducerRecord<K, V> record) {
        org.apache.kafka.clients.producer.ProducerRecord<K, V> intercepted =
                interceptor.onSend(KafkaRecords.toKafka(record));
        // Writable: a Kafka serializer after the interceptors may add headers to the record.
        return intercepted == null ? null : KafkaRecords.toOdradek(intercepted, true);
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        interceptor.onAcknowledgement(topicPartitions.toKafka(metadata),
                exception == null ? null : KafkaExceptions.forRecord(exception), NO_HEADERS);
    }

    @Override
    public void close() {
        interceptor.close();
    }

    @Override
    public String toString() {
        return interceptor.getClass().getName();
    }
}
