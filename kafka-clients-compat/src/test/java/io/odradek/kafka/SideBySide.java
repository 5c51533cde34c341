package io.odradek.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka's producer and Odradek's behind the same interface and configuration, for tests that compare what
 * the two do without a broker: the address they are given is a loopback port nobody listens on.
 */
final class SideBySide {
    private SideBySide() {
    }

    static Map<String, Object> configs(Object... keysAndValues) {
        Map<String, Object> configs = new HashMap<>();
        configs.put("bootstrap.servers", "127.0.0.1:" + closedPort());
        configs.put("key.serializer", StringSerializer.class.getName());
        configs.put("value.serializer", StringSerializer.class.getName());
        configs.put("max.block.ms", 2000);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            configs.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return configs;
    }

    static Producer<String, String> kafka(Map<String, Object> configs) {
        return new KafkaProducer<>(configs);
    }

    static Producer<String, String> odradek(Map<String, Object> configs) {
        return new OdradekKafkaProducer<>(configs);
    }

    static void closeQuietly(Producer<?, ?> producer) {
        producer.close(Duration.ZERO);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
