package io.odradek.kafka.plugins;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka serializer that remembers how it was configured and what it serialized, and adds a header. */
public class RecordingSerializer implements Serializer<String> {
    public static final List<RecordingSerializer> INSTANCES = new CopyOnWriteArrayList<>();
    public volatile Map<String, ?> configs;
    public volatile Boolean isKey;
    public final List<String> serialized = new CopyOnWriteArrayList<>();

    public RecordingSerializer() {
        INSTANCES.add(this);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.configs = configs;
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, String data) {
        serialized.add(data);
        return data == null ? null : data.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, String data) {
        headers.add("serialized-by", "recording".getBytes(StandardCharsets.UTF_8));
        return serialize(topic, data);
    }
}
