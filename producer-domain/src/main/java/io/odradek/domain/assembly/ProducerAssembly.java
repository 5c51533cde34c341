package io.odradek.domain.assembly;

import java.util.random.RandomGenerator;

import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.Serializer;
import io.odradek.domain.port.TransportFactory;
import io.odradek.domain.port.WireProtocol;
import io.odradek.domain.producer.DomainProducerFactory;

/**
 * Builds a producer around a transport chosen in code rather than found on the class path: for adapter
 * authors and benchmarks (a transport that discards bytes, an in-memory one). The wire codec and compression
 * are found with {@code ServiceLoader}, as for {@link Producer#create}.
 *
 * <pre>{@code
 * Producer<byte[], byte[]> producer = ProducerAssembly.create(config, Serializers.byteArray(),
 *         Serializers.byteArray(), new DiscardingTransportFactory());
 * }</pre>
 *
 * <p>Applications use {@link Producer#create} instead.
 */
public final class ProducerAssembly {
    private ProducerAssembly() {
    }

    public static <K, V> Producer<K, V> create(ProducerConfig config, Serializer<K> keySerializer,
                                               Serializer<V> valueSerializer, TransportFactory transport) {
        return DomainProducerFactory.createWith(config, keySerializer, valueSerializer, transport);
    }

    /**
     * A producer on a transport and a wire protocol both chosen in code, with the jitter of its retry and reconnect
     * backoffs drawn from {@code random}: an in-memory cluster that passes requests as values rather than bytes
     * (the test kit's {@code FakeKafkaCluster}), seeded so that a test's timeline repeats. Compression codecs are
     * still found with {@code ServiceLoader}.
     */
    public static <K, V> Producer<K, V> create(ProducerConfig config, Serializer<K> keySerializer,
                                               Serializer<V> valueSerializer, TransportFactory transport,
                                               WireProtocol protocol, RandomGenerator random) {
        return DomainProducerFactory.createWith(config, keySerializer, valueSerializer, transport, protocol, random);
    }
}
