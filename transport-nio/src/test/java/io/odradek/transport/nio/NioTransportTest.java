package io.odradek.transport.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.odradek.domain.port.NetworkHandler;
import io.odradek.domain.port.Transport;
import io.odradek.domain.port.TransportFactory;
import io.odradek.domain.port.TransportSettings;
import io.odradek.transport.contract.Await;
import io.odradek.transport.contract.RecordingHandler;
import java.nio.ByteBuffer;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What is particular to the NIO transport, beside the shared contract. */
class NioTransportTest {

    private static final TransportSettings SETTINGS = new TransportSettings("odradek-io-nio-test", -1, -1, 1024);

    @Test
    void isFoundByServiceLoaderUnderTheNameNio() {
        // These tests run inside the module under test, which provides the service but does not use it (the
        // domain does): declare the use, as a framework would, so that ServiceLoader may look it up here.
        getClass().getModule().addUses(TransportFactory.class);
        assertThat(ServiceLoader.load(TransportFactory.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(factory -> {
                    assertThat(factory.name()).isEqualTo("nio");
                    assertThat(factory).isInstanceOf(NioTransportFactory.class);
                });
    }

    @Test
    void systemClockReadsTheRealClock() {
        long before = System.currentTimeMillis();
        long nowMs = new NioTransportFactory().clock().currentTimeMillis();
        assertThat(nowMs).isBetween(before, System.currentTimeMillis());
        long t0 = SystemClock.INSTANCE.nanoTime();
        assertThat(SystemClock.INSTANCE.nanoTime() - t0).isNotNegative();
    }

    @Test
    void runsOnADaemonThreadWithTheConfiguredName() {
        RecordingHandler handler = new RecordingHandler();
        try (Transport transport = new NioTransportFactory().create(SETTINGS, handler)) {
            handler.attach(transport);
            transport.start();
            Await.until(() -> handler.ioThread() != null, () -> "the first poll");
            assertThat(handler.ioThread().getName()).isEqualTo("odradek-io-nio-test");
            assertThat(handler.ioThread().isDaemon()).isTrue();
        }
    }

    @Test
    void rejectsConnectSendAndDisconnectFromOtherThreads() {
        RecordingHandler handler = new RecordingHandler();
        try (Transport transport = new NioTransportFactory().create(SETTINGS, handler)) {
            handler.attach(transport);
            transport.start();
            assertThatThrownBy(() -> transport.connect(1, "127.0.0.1", 9092))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("I/O thread");
            assertThatThrownBy(() -> transport.disconnect(1)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void keepsPollingAfterPollThrows() {
        AtomicInteger polls = new AtomicInteger();
        NetworkHandler failingOnce = new NetworkHandler() {
            @Override
            public long poll(long nowNs) {
                if (polls.incrementAndGet() == 1) {
                    throw new IllegalStateException("injected poll failure");
                }
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
        };
        try (Transport transport = new NioTransportFactory().create(SETTINGS, failingOnce)) {
            transport.start();
            Await.until(() -> {
                transport.wakeup();
                return polls.get() >= 2;
            }, () -> "a second poll after the first one threw");
        }
    }

    @Test
    void closeBeforeStartAndStartAfterClose() {
        Transport transport = new NioTransportFactory().create(SETTINGS, new RecordingHandler());
        transport.close();
        transport.close();
        assertThatThrownBy(transport::start).isInstanceOf(IllegalStateException.class);
    }
}
