package io.odradek.domain.producer;

import java.util.Random;

import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.Serializer;
import io.odradek.api.Serializers;
import io.odradek.domain.port.TransportFactory;
import io.odradek.domain.port.WireProtocol;

/** The test entry point to {@link DomainProducerFactory#assemble}, which is package-private. */
public final class FakeProducers {
    private FakeProducers() {
    }

    /** A string producer wired to the given fakes, with jitter drawn from a seeded random. */
    public static Producer<String, String> create(ProducerConfig config, TransportFactory transport,
                                                  WireProtocol protocol, long seed) {
        return create(config, Serializers.string(), transport, protocol, seed);
    }

    /** The same, with the values serialized by {@code valueSerializer}. */
    public static Producer<String, String> create(ProducerConfig config, Serializer<String> valueSerializer,
                                                  TransportFactory transport, WireProtocol protocol, long seed) {
        return DomainProducerFactory.assemble(config, Serializers.string(), valueSerializer, transport, protocol,
                null, new Random(seed));
    }
}
