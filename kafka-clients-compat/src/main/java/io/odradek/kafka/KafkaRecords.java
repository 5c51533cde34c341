package io.odradek.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/** Records from Kafka's type to Odradek's and back (for interceptors). */
final class KafkaRecords {
    private KafkaRecords() {
    }

    /**
     * @param writableHeaders whether a serializer may add headers: then the record gets its own list even when
     *                        it has none, else an empty record shares the immutable empty list
     */
    static <K, V> io.odradek.api.ProducerRecord<K, V> toOdradek(ProducerRecord<K, V> record, boolean writableHeaders) {
        return new io.odradek.api.ProducerRecord<>(record.topic(), record.partition(), record.timestamp(),
                record.key(), record.value(), KafkaHeadersView.toOdradek(record.headers(), writableHeaders));
    }

    static <K, V> ProducerRecord<K, V> toKafka(io.odradek.api.ProducerRecord<K, V> record) {
        List<Header> headers = new ArrayList<>(record.headers().size());
        for (int i = 0; i < record.headers().size(); i++) {
            io.odradek.api.Header header = record.headers().get(i);
            headers.add(new KafkaHeadersView.KafkaHeader(header.key(), header.value()));
        }
        return new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(), record.key(),
                record.value(), headers);
    }
}
