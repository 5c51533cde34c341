package io.odradek.transport.netty;

import io.odradek.domain.port.Clock;
import io.odradek.domain.port.NetworkHandler;
import io.odradek.domain.port.Transport;
import io.odradek.domain.port.TransportFactory;
import io.odradek.domain.port.TransportSettings;

/**
 * The {@code netty} transport: one Netty event loop per producer, on native epoll where the platform has it
 * and Netty's NIO otherwise. Found through {@link java.util.ServiceLoader}.
 *
 * <p>To force a flavour, start the JVM with {@code -Dodradek.netty.transport=epoll} or {@code =nio}
 * ({@link IoFlavour#PROPERTY}); it is read when a producer is created.
 */
public final class NettyTransportFactory implements TransportFactory {

    public static final String NAME = "netty";

    private final IoFlavour fixedFlavour;

    /** The flavour comes from {@link IoFlavour#fromSystemProperty()} each time a transport is created. */
    public NettyTransportFactory() {
        this(null);
    }

    /** Always this flavour (tests, embedding), whatever the system property says. */
    public NettyTransportFactory(IoFlavour flavour) {
        if (flavour != null) {
            flavour.checkAvailable();
        }
        this.fixedFlavour = flavour;
    }

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
        IoFlavour flavour = fixedFlavour != null ? fixedFlavour : IoFlavour.fromSystemProperty();
        return new NettyTransport(settings, handler, SystemClock.INSTANCE, flavour);
    }
}
