package io.odradek.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;

import io.odradek.domain.port.Clock;
import io.odradek.domain.port.NetworkHandler;
import io.odradek.domain.port.OutboundFrame;
import io.odradek.domain.port.Transport;

/**
 * One I/O thread, run like the real transports': it polls the handler when its deadline passes or on
 * {@link #wakeup()}, and delivers connection and response events between polls. Frames are "written" at
 * once (their bytes are discarded) and answered by a {@link FakeBroker} on the same thread.
 *
 * <p>The fake broker's own allocation (response frames built with Kafka's classes, the events that carry
 * them) is counted separately in {@link #fakeBrokerAllocatedBytes()}, so a benchmark can tell the client's
 * allocation from the harness's: JMH's GC profiler counts every thread.
 */
final class DiscardingTransport implements Transport {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final String threadName;
    private final NetworkHandler handler;
    private final Clock clock;
    private final FakeBroker broker;
    /** Events for the handler, produced and consumed on the I/O thread only. */
    private final ArrayDeque<Event> events = new ArrayDeque<>();

    private volatile boolean running;
    private volatile boolean wakeupRequested;
    private volatile long fakeBrokerAllocatedBytes;
    private Thread thread;

    DiscardingTransport(String threadName, NetworkHandler handler, Clock clock, FakeBroker broker) {
        this.threadName = threadName;
        this.handler = handler;
        this.clock = clock;
        this.broker = broker;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long deadlineNs = clock.nanoTime();
        while (running) {
            long nowNs = clock.nanoTime();
            Event event;
            while ((event = events.pollFirst()) != null) {
                if (event.response == null) {
                    handler.onConnected(event.connectionId, nowNs);
                } else {
                    handler.onResponse(event.connectionId, event.response, nowNs);
                }
            }
            wakeupRequested = false;
            deadlineNs = handler.poll(nowNs);
            if (!events.isEmpty()) {
                continue;
            }
            while (running && !wakeupRequested) {
                long waitNs = deadlineNs - clock.nanoTime();
                if (waitNs <= 0) {
                    break;
                }
                LockSupport.parkNanos(this, waitNs);
            }
        }
    }

    @Override
    public void wakeup() {
        if (!wakeupRequested) {
            wakeupRequested = true;
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void connect(int connectionId, String host, int port) {
        events.addLast(new Event(connectionId, null));
    }

    @Override
    public void send(int connectionId, OutboundFrame frame) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        ByteBuffer response = broker.answer(frame.buffers());
        if (response != null) {
            events.addLast(new Event(connectionId, response));
        }
        fakeBrokerAllocatedBytes += THREADS.getCurrentThreadAllocatedBytes() - before;
        frame.onWritten(clock.nanoTime());
    }

    @Override
    public long pendingWriteBytes(int connectionId) {
        return 0;
    }

    @Override
    public void disconnect(int connectionId) {
        events.removeIf(event -> event.connectionId == connectionId);
    }

    @Override
    public void close() {
        Thread ioThread;
        synchronized (this) {
            running = false;
            ioThread = thread;
        }
        if (ioThread == null || ioThread == Thread.currentThread()) {
            return;
        }
        LockSupport.unpark(ioThread);
        try {
            ioThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Bytes the fake broker allocated so far (on the I/O thread), to subtract from the profiler's total. */
    long fakeBrokerAllocatedBytes() {
        return fakeBrokerAllocatedBytes;
    }

    /** Records the fake broker acknowledged so far; read it after a flush. */
    long recordsAcknowledged() {
        return broker.recordsAcknowledged();
    }

    /** A connection became ready (response null) or a response frame arrived. */
    private record Event(int connectionId, ByteBuffer response) {
    }
}
