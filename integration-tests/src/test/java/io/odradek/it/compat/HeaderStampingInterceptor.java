package io.odradek.it.compat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** A Kafka interceptor, named by class: stamps a header from its own configuration key and records acks. */
public class HeaderStampingInterceptor implements ProducerInterceptor<String, String> {
    public static final List<RecordMetadata> ACKNOWLEDGED = new CopyOnWriteArrayList<>();
    private byte[] stamp;

    @Override
    public void configure(Map<String, ?> configs) {
        stamp = String.valueOf(configs.get("stamp.value")).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ProducerRecord<String, String> onSend(ProducerRecord<String, String> record) {
        record.headers().add("stamp", stamp);
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        if (exception == null) {
            ACKNOWLEDGED.add(metadata);
        }
    }

    @Override
    public void close() {
    }
}
