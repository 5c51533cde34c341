package io.odradek.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.epoll.Epoll;
import io.odradek.api.ConfigException;
import io.odradek.domain.port.NetworkHandler;
import io.odradek.domain.port.TransportSettings;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class IoFlavourTest {

    @Test
    void nativeEpollLoadsOnLinuxX8664() {
        boolean linuxX8664 = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        if (linuxX8664) {
            assertThat(Epoll.isAvailable()).as("native epoll (cause if not: %s)", Epoll.unavailabilityCause()).isTrue();
        }
        assertThat(IoFlavour.choose(null)).isEqualTo(Epoll.isAvailable() ? IoFlavour.EPOLL : IoFlavour.NIO);
    }

    @Test
    void thePropertyForcesAFlavour() {
        assertThat(IoFlavour.choose("nio")).isEqualTo(IoFlavour.NIO);
        assertThat(IoFlavour.choose(" NIO ")).isEqualTo(IoFlavour.NIO);
        if (Epoll.isAvailable()) {
            assertThat(IoFlavour.choose("epoll")).isEqualTo(IoFlavour.EPOLL);
        } else {
            assertThatThrownBy(() -> IoFlavour.choose("epoll")).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("epoll");
        }
    }

    @Test
    void rejectsAnUnknownFlavourNamingTheProperty() {
        assertThatThrownBy(() -> IoFlavour.choose("io_uring")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("io_uring").hasMessageContaining(IoFlavour.PROPERTY);
    }

    @Test
    void theFactoryReadsThePropertyWhenItCreatesATransport() {
        String before = System.getProperty(IoFlavour.PROPERTY);
        System.setProperty(IoFlavour.PROPERTY, "nio");
        try (NettyTransport transport = (NettyTransport) new NettyTransportFactory().create(
                new TransportSettings("odradek-io-flavour", -1, -1, 1024),
                new NoopHandler())) {
            assertThat(transport.flavour()).isEqualTo(IoFlavour.NIO);
        } finally {
            if (before == null) {
                System.clearProperty(IoFlavour.PROPERTY);
            } else {
                System.setProperty(IoFlavour.PROPERTY, before);
            }
        }
    }

    private static final class NoopHandler implements NetworkHandler {
        @Override
        public long poll(long nowNs) {
            return Long.MAX_VALUE;
        }

        @Override
        public void onConnected(int connectionId, long nowNs) {
        }

        @Override
        public void onDisconnected(int connectionId, String reason, long nowNs) {
        }

        @Override
        public void onResponse(int connectionId, ByteBuffer frame, long nowNs) {
        }
    }
}
