package io.odradek.transport.netty;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.odradek.api.ConfigException;
import java.util.Locale;

/**
 * Which of Netty's socket implementations drives the event loop: native epoll where the platform has it,
 * Netty's NIO otherwise. The system property {@value #PROPERTY} ({@code epoll} or {@code nio}) forces one.
 */
public enum IoFlavour {

    EPOLL {
        @Override
        IoHandlerFactory ioHandlerFactory() {
            return EpollIoHandler.newFactory();
        }

        @Override
        Class<? extends SocketChannel> channelClass() {
            return EpollSocketChannel.class;
        }
    },

    NIO {
        @Override
        IoHandlerFactory ioHandlerFactory() {
            return NioIoHandler.newFactory();
        }

        @Override
        Class<? extends SocketChannel> channelClass() {
            return NioSocketChannel.class;
        }
    };

    /** System property that forces a flavour: {@code epoll} or {@code nio}. Unset: epoll if available. */
    public static final String PROPERTY = "odradek.netty.transport";

    abstract IoHandlerFactory ioHandlerFactory();

    abstract Class<? extends SocketChannel> channelClass();

    /** The flavour {@link #PROPERTY} asks for, or the best one this platform has. */
    public static IoFlavour fromSystemProperty() {
        return choose(System.getProperty(PROPERTY));
    }

    static IoFlavour choose(String requested) {
        if (requested == null || requested.isBlank()) {
            return Epoll.isAvailable() ? EPOLL : NIO;
        }
        IoFlavour flavour = switch (requested.trim().toLowerCase(Locale.ROOT)) {
            case "epoll" -> EPOLL;
            case "nio" -> NIO;
            default -> throw new ConfigException("Invalid value '" + requested + "' for system property " + PROPERTY
                    + ": expected epoll or nio");
        };
        flavour.checkAvailable();
        return flavour;
    }

    /** Fails, naming the reason and the artifact, when this flavour cannot run here. */
    void checkAvailable() {
        if (this == EPOLL && !Epoll.isAvailable()) {
            throw new ConfigException("Netty's native epoll transport is not available here (it needs Linux on "
                    + "x86_64 or aarch64 and io.netty:netty-transport-native-epoll for it): "
                    + Epoll.unavailabilityCause() + "; set -D" + PROPERTY + "=nio or leave it unset");
        }
    }
}
