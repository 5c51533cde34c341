package io.odradek.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/** Records and their metadata from Kafka's types to Odradek's and back. */
final class KafkaRecords {
    private KafkaRecords() {
    }

    static <K, V> io.odradek.api.ProducerRecord<K, V> toOdradek(ProducerRecord<K, V> record) {
        return new io.odradek.api.ProducerRecord<>(record.topic(), record.partition(), record.timestamp(),
                record.key(), record.value(), KafkaHeadersView.toOdradek(record.headers()));
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

    /**
     * Kafka's metadata for an Odradek one. For a failed record both know the topic and perhaps the partition
     * (-1 otherwise), with offset and timestamp -1: what Kafka's callbacks are told too.
     */
    static RecordMetadata toKafka(io.odradek.api.RecordMetadata metadata) {
        if (metadata == null) {
            return null;
        }
        return new RecordMetadata(new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset(), 0,
                metadata.timestamp(), metadata.serializedKeySize(), metadata.serializedValueSize());
    }
}
