package io.odradek.transport.nio;

import io.odradek.domain.port.Clock;
import io.odradek.domain.port.NetworkHandler;
import io.odradek.domain.port.Transport;
import io.odradek.domain.port.TransportFactory;
import io.odradek.domain.port.TransportSettings;

/** The {@code nio} transport: one selector thread per producer. Found through {@link java.util.ServiceLoader}. */
public final class NioTransportFactory implements TransportFactory {

    public static final String NAME = "nio";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Clock clock() {
        return SystemClock.INSTANCE;
    }

    @Override
    public Transport create(TransportSettings settings, NetworkHandler handler) {
        return new NioTransport(settings, handler, SystemClock.INSTANCE);
    }
}
