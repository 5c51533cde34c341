package io.odradek.it.compat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;

/** A Kafka serializer that writes a header, as Spring's JSON serializer writes its type header. */
public class ContentTypeSerializer extends StringSerializer {
    @Override
    public byte[] serialize(String topic, Headers headers, String data) {
        headers.add("content-type", "text/plain".getBytes(StandardCharsets.UTF_8));
        return serialize(topic, data);
    }
}
