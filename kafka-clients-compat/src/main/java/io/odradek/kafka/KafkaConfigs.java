package io.odradek.kafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serializer;

import io.odradek.api.config.ProducerKeys;

/**
 * Kafka's producer configuration as Odradek's. Every key means what it means to Kafka's producer; the keys
 * that name Kafka's plugins ({@code key.serializer}, {@code value.serializer}, {@code partitioner.class},
 * {@code interceptor.classes}) are turned into factories that build Kafka's plugins and adapt them. The
 * rest goes to {@link io.odradek.api.ProducerConfig} as it is, so Odradek's checks apply: a misspelt key
 * fails, a key Odradek cannot honour is refused with the reason, a key nobody read is logged.
 */
final class KafkaConfigs {
    /** Kafka names producers {@code producer-1}, {@code producer-2}, ... when {@code client.id} is not set. */
    private static final AtomicInteger CLIENT_ID_SEQUENCE = new AtomicInteger(1);

    private KafkaConfigs() {
    }

    static Map<String, Object> of(Properties properties) {
        Map<String, Object> configs = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            Object value = properties.get(name);
            configs.put(name, value != null ? value : properties.getProperty(name));
        }
        for (Object key : properties.keySet()) {
            if (!(key instanceof String)) {
                // Kafka's own message for the same mistake.
                throw new ConfigException(key.toString(), properties.get(key), "Key must be a string.");
            }
        }
        return configs;
    }

    /**
     * Odradek's configuration for Kafka's {@code configs}, with serializer instances when given (they win over
     * {@code key.serializer}/{@code value.serializer}, as in Kafka's producer, and are not configured).
     */
    static io.odradek.api.ProducerConfig translate(Map<String, ?> configs, Serializer<?> keySerializer,
                                                   Serializer<?> valueSerializer) {
        Map<String, Object> odradek = new LinkedHashMap<>(configs);
        odradek.put(ProducerKeys.KEY_SERIALIZER, serializer(configs, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                keySerializer, true));
        odradek.put(ProducerKeys.VALUE_SERIALIZER, serializer(configs, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                valueSerializer, false));
        Object partitioner = configs.get(ProducerConfig.PARTITIONER_CLASS_CONFIG);
        if (partitioner != null) {
            odradek.put(ProducerKeys.PARTITIONER_CLASS, KafkaPlugins.partitioner(partitioner));
        }
        Object interceptors = configs.get(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG);
        if (interceptors != null) {
            odradek.put(ProducerKeys.INTERCEPTOR_CLASSES, List.copyOf(KafkaPlugins.interceptors(interceptors)));
        }
        Object reporters = configs.get(ProducerConfig.METRIC_REPORTER_CLASSES_CONFIG);
        if (reporters != null) {
            odradek.put(ProducerKeys.METRIC_REPORTERS, KafkaPlugins.metricReporters(reporters));
        }
        Object clientId = configs.get(ProducerConfig.CLIENT_ID_CONFIG);
        if (clientId == null || clientId.toString().isEmpty()) {
            Object transactionalId = configs.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
            odradek.put(ProducerKeys.CLIENT_ID, "producer-"
                    + (transactionalId != null ? transactionalId : CLIENT_ID_SEQUENCE.getAndIncrement()));
        }
        try {
            return io.odradek.api.ProducerConfig.from(odradek);
        } catch (RuntimeException e) {
            throw KafkaExceptions.forCall(e);
        }
    }

    private static Object serializer(Map<String, ?> configs, String key, Serializer<?> instance, boolean isKey) {
        if (instance != null) {
            return new KafkaSerializer<>(instance);
        }
        Object configured = configs.get(key);
        if (configured == null) {
            // Kafka's own exception for a producer built without one.
            throw new ConfigException(key, null, "must be non-null.");
        }
        return KafkaPlugins.serializer(configured, isKey);
    }
}
