package io.odradek.api.spi;

import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.Serializer;

/**
 * How {@link Producer#create} finds the implementation: a {@link java.util.ServiceLoader} provider,
 * supplied by the {@code producer-domain} module. Applications do not call this.
 */
public interface ProducerFactory {
    <K, V> Producer<K, V> create(ProducerConfig config, Serializer<K> keySerializer,
                                 Serializer<V> valueSerializer);
}
