package io.odradek.api.plugins;

import java.util.Map;

import io.odradek.api.ProducerInterceptor;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordMetadata;

/** An interceptor that remembers what {@code configure} received. */
public class RecordingInterceptor implements ProducerInterceptor<Object, Object> {
    public Map<String, ?> configs;
    public boolean closed;

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void configure(Map<String, ?> configs) {
        this.configs = configs;
    }

    @Override
    public void close() {
        closed = true;
    }
}
