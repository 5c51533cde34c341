package io.odradek.domain.producer;

import io.odradek.api.Headers;
import io.odradek.api.ProducerConfig;
import io.odradek.api.SerializationException;
import io.odradek.api.Serializer;
import io.odradek.domain.log.LogContext;
import io.odradek.domain.metrics.ProducerMetrics;
import io.odradek.domain.port.Clock;
import io.odradek.domain.port.WireProtocol;

/** What a producer is built from: its configuration, adapters and the user's plug-ins. */
record ProducerParts<K, V>(ProducerConfig config, WireProtocol protocol, Clock clock, Serializer<K> keySerializer,
                           Serializer<V> valueSerializer, InterceptorChain<K, V> interceptors,
                           ProducerMetrics metrics, LogContext log) {

    byte[] serializeKey(String topic, Headers headers, K key) {
        try {
            return keySerializer.serialize(topic, headers, key);
        } catch (RuntimeException e) {
            throw new SerializationException("Can't serialize the key of a record for topic " + topic + " with "
                    + keySerializer.getClass().getName(), e);
        }
    }

    byte[] serializeValue(String topic, Headers headers, V value) {
        try {
            return valueSerializer.serialize(topic, headers, value);
        } catch (RuntimeException e) {
            throw new SerializationException("Can't serialize the value of a record for topic " + topic + " with "
                    + valueSerializer.getClass().getName(), e);
        }
    }

    /** Closes the plugins, and the metrics last: their reporters (JMX) unregister what they published. */
    void close() {
        try {
            closePlugins();
        } finally {
            metrics.registry().close();
        }
    }

    private void closePlugins() {
        interceptors.close();
        keySerializer.close();
        valueSerializer.close();
    }
}
