package io.odradek.domain.producer;

import java.util.SplittableRandom;

import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.Serializers;
import io.odradek.codec.KafkaWireProtocol;
import io.odradek.domain.port.TransportFactory;

/**
 * Benchmarks only: wires a producer around an explicit transport factory through the same assembly
 * {@link DomainProducerFactory} uses. Needed because {@code ProducerConfig} accepts only {@code transport=nio}
 * or {@code netty}, so {@code transport=discard} cannot be selected by name through {@code Producer.create}.
 * Lives in the domain's package (a split package on the class path) to reach the package-private assembly.
 */
public final class BenchmarkProducers {
    private BenchmarkProducers() {
    }

    public static Producer<byte[], byte[]> create(ProducerConfig config, TransportFactory transport) {
        return DomainProducerFactory.assemble(config, Serializers.byteArray(), Serializers.byteArray(), transport,
                new KafkaWireProtocol(), Adapters.compression(config.compressionType(),
                        BenchmarkProducers.class.getClassLoader()), new SplittableRandom(42));
    }
}
