package io.odradek.kafka;

import org.apache.kafka.clients.producer.Callback;

import io.odradek.api.RecordMetadata;

/** A Kafka {@link Callback} called the way Kafka's producer calls it: Kafka's metadata, Kafka's exceptions. */
final class KafkaCallback implements io.odradek.api.Callback {
    private final Callback callback;

    KafkaCallback(Callback callback) {
        this.callback = callback;
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        callback.onCompletion(KafkaRecords.toKafka(metadata),
                exception == null ? null : KafkaExceptions.forRecord(exception));
    }
}
