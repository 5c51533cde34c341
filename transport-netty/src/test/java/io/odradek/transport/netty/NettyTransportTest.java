package io.odradek.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.odradek.domain.port.NetworkHandler;
import io.odradek.domain.port.TransportSettings;
import io.odradek.transport.contract.Await;
import io.odradek.transport.contract.TestFrame;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the event loop drives the handler's poll; the socket behaviour is in the contract tests. */
class NettyTransportTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private NettyTransport transport;

    @AfterEach
    void close() {
        if (transport != null) {
            transport.close();
        }
    }

    @Test
    void pollsAgainOnceTheDeadlineThePollReturnedHasPassed() {
        PollRecorder handler = new PollRecorder(pollIndex -> pollIndex == 0 ? 20 * MS : Long.MAX_VALUE);
        transport = start(handler);

        Await.until(() -> handler.nowsNs.size() >= 2, () -> "a second poll, at the deadline");
        assertThat(handler.nowsNs.get(1)).isGreaterThanOrEqualTo(handler.deadlinesNs.get(0));
    }

    @Test
    void anEarlierDeadlineReplacesALaterOne() {
        PollRecorder handler = new PollRecorder(pollIndex -> pollIndex == 0 ? TimeUnit.HOURS.toNanos(1)
                : pollIndex == 1 ? 20 * MS : Long.MAX_VALUE);
        transport = start(handler);
        Await.until(() -> handler.nowsNs.size() == 1, () -> "the first poll");

        transport.wakeup();

        Await.until(() -> handler.nowsNs.size() >= 3, () -> "a poll at the second, earlier deadline");
        assertThat(handler.nowsNs.get(2)).isGreaterThanOrEqualTo(handler.deadlinesNs.get(1))
                .isLessThan(handler.deadlinesNs.get(0));
    }

    @Test
    void aPollThatThrowsIsRetriedWithoutAWakeup() {
        PollRecorder handler = new PollRecorder(pollIndex -> {
            if (pollIndex == 0) {
                throw new IllegalStateException("poll failure injected by the test");
            }
            return Long.MAX_VALUE;
        });
        transport = start(handler);

        Await.until(() -> handler.nowsNs.size() >= 2, () -> "the poll retried after it threw");
        assertThat(handler.threads).allSatisfy(t -> assertThat(t.getName()).isEqualTo("odradek-io-netty-test"));
    }

    @Test
    void refusesTransportCallsFromOtherThreads() {
        transport = start(new PollRecorder(i -> Long.MAX_VALUE));

        assertThatThrownBy(() -> transport.connect(1, "127.0.0.1", 9092)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("event loop");
        assertThatThrownBy(() -> transport.send(1, new TestFrame(0, new byte[1], 1, new ConcurrentLinkedQueue<>())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transport.pendingWriteBytes(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transport.disconnect(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeIsIdempotentAndPreventsAStart() {
        PollRecorder handler = new PollRecorder(i -> Long.MAX_VALUE);
        transport = new NettyTransport(settings(), handler, SystemClock.INSTANCE, IoFlavour.NIO);

        transport.close();
        transport.close();
        transport.wakeup();

        assertThatThrownBy(transport::start).isInstanceOf(IllegalStateException.class);
        assertThat(handler.nowsNs).isEmpty();
    }

    private NettyTransport start(NetworkHandler handler) {
        NettyTransport started = new NettyTransport(settings(), handler, SystemClock.INSTANCE,
                IoFlavour.fromSystemProperty());
        started.start();
        return started;
    }

    private static TransportSettings settings() {
        return new TransportSettings("odradek-io-netty-test", -1, -1, 1024);
    }

    /** Records each poll's time and thread; returns now + the delay {@code delayNs} gives for that poll. */
    private static final class PollRecorder implements NetworkHandler {
        final List<Long> nowsNs = new CopyOnWriteArrayList<>();
        final List<Long> deadlinesNs = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        private final LongUnaryOperator delayNs;

        PollRecorder(LongUnaryOperator delayNsByPollIndex) {
            this.delayNs = delayNsByPollIndex;
        }

        @Override
        public long poll(long nowNs) {
            int index = nowsNs.size();
            nowsNs.add(nowNs);
            threads.add(Thread.currentThread());
            long delay = delayNs.applyAsLong(index);
            long deadline = delay == Long.MAX_VALUE ? Long.MAX_VALUE : nowNs + delay;
            deadlinesNs.add(deadline);
            return deadline;
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
