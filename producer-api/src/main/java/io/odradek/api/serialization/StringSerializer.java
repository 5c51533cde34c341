package io.odradek.api.serialization;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.odradek.api.ConfigException;
import io.odradek.api.Serializer;

/**
 * Text in UTF-8, or in the charset named by {@code key.serializer.encoding} / {@code value.serializer.encoding}
 * (or {@code serializer.encoding} for both), the keys Kafka's own {@code StringSerializer} reads.
 *
 * <pre>{@code
 * key.serializer=io.odradek.api.serialization.StringSerializer
 * key.serializer.encoding=UTF-16
 * }</pre>
 */
public final class StringSerializer implements Serializer<String> {
    private volatile Charset charset = StandardCharsets.UTF_8;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        String key = isKey ? "key.serializer.encoding" : "value.serializer.encoding";
        Object name = configs.get(key);
        if (name == null) {
            key = "serializer.encoding";
            name = configs.get(key);
        }
        if (name != null) {
            try {
                charset = Charset.forName(name.toString());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("Invalid value '" + name + "' for configuration " + key
                        + ": not a charset this JVM knows", e);
            }
        }
    }

    @Override
    public byte[] serialize(String topic, String data) {
        return data == null ? null : data.getBytes(charset);
    }
}
