package io.odradek.transport.nio;

import io.odradek.domain.port.Clock;
import io.odradek.domain.port.TlsEngineFactory;
import io.odradek.domain.port.NetworkHandler;
import io.odradek.domain.port.OutboundFrame;
import io.odradek.domain.port.Transport;
import io.odradek.domain.port.TransportSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Transport} on one selector thread. The loop: deliver events that had to wait (connects that
 * failed or finished inside {@link #connect}, connections that broke inside a callback), poll the handler,
 * select until its deadline or a {@link #wakeup()}, then serve ready sockets.
 *
 * <p>Failures are always reported from the loop, never from inside a handler callback: a connection that
 * breaks is closed at once (later sends are dropped) and its {@code onDisconnected} waits for the next turn
 * of the loop. A handler that throws is logged and the loop carries on; an {@link Error} ends the thread.
 */
public final class NioTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(NioTransport.class);

    /** When poll() throws, the handler's next deadline is unknown: try again soon rather than spin or stall. */
    private static final long POLL_RETRY_AFTER_FAILURE_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long CLOSE_WAIT_MS = 10_000;
    /** Reads per readable event before serving other sockets; the selector reports the rest next time. */
    private static final int MAX_READS_PER_EVENT = 16;

    private final TransportSettings settings;
    private final NetworkHandler handler;
    private final Clock clock;
    private final Selector selector;
    private final Thread ioThread;
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final Object lifecycleLock = new Object();
    private boolean started;
    private volatile boolean closeRequested;

    // Touched by the I/O thread only.
    private final ConnectionTable connections = new ConnectionTable();
    private final ArrayDeque<NioConnection> deferredEvents = new ArrayDeque<>();
    /** TLS connections holding decrypted input the reader had no room for: read again without waiting to select. */
    private final ArrayDeque<NioConnection> bufferedReads = new ArrayDeque<>();

    public NioTransport(TransportSettings settings, NetworkHandler handler, Clock clock) {
        if (settings.maxResponseSizeBytes() <= 0) {
            throw new IllegalArgumentException("maxResponseSizeBytes must be positive: " + settings.maxResponseSizeBytes());
        }
        this.settings = settings;
        this.handler = handler;
        this.clock = clock;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        this.ioThread = new Thread(this::runLoop, settings.threadName());
        this.ioThread.setDaemon(true);
    }

    @Override
    public void start() {
        synchronized (lifecycleLock) {
            if (closeRequested) {
                throw new IllegalStateException("transport is closed");
            }
            if (started) {
                throw new IllegalStateException("transport already started");
            }
            started = true;
            ioThread.start();
        }
    }

    @Override
    public void wakeup() {
        // Many wakeups between two selects cost one selector.wakeup() (a pipe write) in total.
        if (wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    @Override
    public void connect(int connectionId, String host, int port) {
        checkIoThread();
        if (connections.get(connectionId) != null) {
            throw new IllegalStateException("connection " + connectionId + " is already in use");
        }
        String address = host + ":" + port;
        SocketChannel channel = null;
        try {
            InetSocketAddress socketAddress = new InetSocketAddress(host, port);
            if (socketAddress.isUnresolved()) {
                deferFailure(new NioConnection(connectionId, address, null, null, settings.maxResponseSizeBytes(),
                                settings.logPrefix()),
                        "cannot resolve host " + host);
                return;
            }
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (settings.sendBufferBytes() > 0) {
                channel.setOption(StandardSocketOptions.SO_SNDBUF, settings.sendBufferBytes());
            }
            if (settings.receiveBufferBytes() > 0) {
                // Before connect: the receive window scale is fixed during the handshake.
                channel.setOption(StandardSocketOptions.SO_RCVBUF, settings.receiveBufferBytes());
            }
            SocketChannel socket = channel;
            ConnectionIo io = settings.tls().<ConnectionIo>map(tls -> new TlsIo(socket, tls.newClientEngine(host, port)))
                    .orElseGet(() -> new PlainIo(socket));
            NioConnection connection = new NioConnection(connectionId, address, channel, io,
                    settings.maxResponseSizeBytes(), settings.logPrefix());
            boolean connectedAtOnce = channel.connect(socketAddress);
            connection.key(channel.register(selector, connectedAtOnce ? 0 : SelectionKey.OP_CONNECT, connection));
            // Registered with the selector and the table together, or (on an exception above) with neither.
            connections.put(connection);
            if (connectedAtOnce) {
                connection.markHandshaking();
                deferredEvents.add(connection);
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            deferFailure(new NioConnection(connectionId, address, null, null, settings.maxResponseSizeBytes(),
                    settings.logPrefix()),
                    "cannot connect to " + address + ": " + describe(e));
        }
    }

    @Override
    public void send(int connectionId, OutboundFrame frame) {
        checkIoThread();
        NioConnection connection = connections.get(connectionId);
        if (connection == null || connection.isClosed()) {
            return;
        }
        connection.outbound().add(frame);
        // Usually the socket has room: write now. With OP_WRITE set it had none a moment ago; the selector says when.
        if (connection.isConnected() && !connection.hasWriteInterest()) {
            flush(connection, clock.nanoTime());
        }
    }

    @Override
    public long pendingWriteBytes(int connectionId) {
        checkIoThread();
        NioConnection connection = connections.get(connectionId);
        return connection == null ? 0 : connection.outbound().pendingBytes();
    }

    @Override
    public void disconnect(int connectionId) {
        checkIoThread();
        NioConnection connection = connections.remove(connectionId);
        if (connection != null) {
            connection.close();
        }
    }

    @Override
    public void close() {
        boolean wasStarted;
        synchronized (lifecycleLock) {
            closeRequested = true;
            wasStarted = started;
        }
        if (!wasStarted) {
            closeQuietly(selector);
            return;
        }
        selector.wakeup();
        if (Thread.currentThread() == ioThread) {
            return;
        }
        try {
            ioThread.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ioThread.isAlive()) {
            log.warn(settings.logPrefix() + "I/O thread {} did not stop within {} ms (a handler callback is stuck?)",
                    ioThread.getName(), CLOSE_WAIT_MS);
        }
    }

    private void runLoop() {
        try {
            while (!closeRequested) {
                long nowNs = clock.nanoTime();
                deliverDeferredEvents(nowNs);
                long deadlineNs = pollHandler(nowNs);
                select(deadlineNs);
            }
        } catch (IOException e) {
            log.error(settings.logPrefix() + "selector of I/O thread {} failed; the transport stops", ioThread.getName(), e);
        } catch (Error e) {
            log.error(settings.logPrefix() + "I/O thread {} ends on an error", ioThread.getName(), e);
            throw e;
        } finally {
            connections.forEach(NioConnection::close);
            connections.clear();
            deferredEvents.clear();
            bufferedReads.clear();
            closeQuietly(selector);
        }
    }

    private long pollHandler(long nowNs) {
        try {
            return handler.poll(nowNs);
        } catch (Exception e) {
            log.error(settings.logPrefix() + "NetworkHandler.poll failed; polling again shortly", e);
            return nowNs + POLL_RETRY_AFTER_FAILURE_NS;
        }
    }

    private void select(long deadlineNs) throws IOException {
        if (!deferredEvents.isEmpty() || !bufferedReads.isEmpty() || closeRequested) {
            selector.selectNow();
        } else if (deadlineNs == Long.MAX_VALUE) {
            selector.select();
        } else {
            long waitNs = deadlineNs - clock.nanoTime();
            if (waitNs <= 0) {
                selector.selectNow();
            } else {
                // Rounded up: waking before the deadline would only spin through poll() for nothing.
                long waitMs = waitNs / 1_000_000 + (waitNs % 1_000_000 == 0 ? 0 : 1);
                selector.select(waitMs);
            }
        }
        // Cleared after the select: a wakeup from now on reaches the next select or finds poll() not yet run.
        wakeupPending.set(false);
        processSelectedKeys();
        readBuffered();
    }

    /**
     * Serves the keys the select found, here rather than in a callback given to the selector: with
     * {@code select(Consumer)}, C2 inlined the whole response path (decoding, completing batches, the
     * application's callbacks) into the JDK's {@code doSelect} and again into its {@code processEvents}, two
     * compilations of ~0.6-0.9 s of CPU each in a perf run. Out here the selector's code stays small and the
     * response path is compiled once, in this method.
     */
    private void processSelectedKeys() {
        Set<SelectionKey> selected = selector.selectedKeys();
        if (selected.isEmpty()) {
            return;
        }
        // One clock read for every key of this select: they became ready together.
        long nowNs = clock.nanoTime();
        for (SelectionKey key : selected) {
            processKey(key, nowNs);
        }
        selected.clear();
    }

    private void readBuffered() {
        for (int n = bufferedReads.size(); n > 0; n--) {
            NioConnection connection = bufferedReads.poll();
            if (connection.isConnected()) {
                read(connection, clock.nanoTime());
            }
        }
    }

    private void processKey(SelectionKey key, long nowNs) {
        NioConnection connection = (NioConnection) key.attachment();
        if (connection.isClosed() || !key.isValid()) {
            return;
        }
        try {
            int readyOps = key.readyOps();
            if ((readyOps & SelectionKey.OP_CONNECT) != 0) {
                finishConnect(connection, nowNs);
            }
            if (connection.isHandshaking()
                    && (readyOps & (SelectionKey.OP_READ | SelectionKey.OP_WRITE)) != 0) {
                continueHandshake(connection, nowNs);
            }
            if ((readyOps & SelectionKey.OP_WRITE) != 0 && connection.isConnected()) {
                flush(connection, nowNs);
            }
            if ((readyOps & SelectionKey.OP_READ) != 0 && connection.isConnected()) {
                read(connection, nowNs);
            }
        } catch (RuntimeException e) {
            // A bug of ours (handler exceptions are caught closer to the call): lose this connection, not the thread.
            log.error(settings.logPrefix() + "unexpected failure serving connection {}; closing it", connection.id(), e);
            fail(connection, "internal transport error: " + describe(e));
        }
    }

    private void finishConnect(NioConnection connection, long nowNs) {
        try {
            if (!connection.channel().finishConnect()) {
                return;
            }
        } catch (IOException e) {
            fail(connection, "cannot connect to " + connection.address() + ": " + describe(e));
            return;
        }
        connection.markHandshaking();
        continueHandshake(connection, nowNs);
    }

    /** Drives the TLS handshake (done at once for plaintext); the handler hears onConnected once it is done. */
    private void continueHandshake(NioConnection connection, long nowNs) {
        ConnectionIo io = connection.io();
        try {
            if (io.handshake()) {
                connection.markConnected();
                announceConnected(connection, nowNs);
            } else {
                connection.handshakeInterest(io.hasPendingOutput());
            }
        } catch (SSLException e) {
            failTls(connection, e);
        } catch (IOException e) {
            fail(connection, "TLS handshake with " + connection.address() + " failed: " + describe(e));
        }
    }

    private void announceConnected(NioConnection connection, long nowNs) {
        try {
            handler.onConnected(connection.id(), nowNs);
        } catch (Exception e) {
            log.error(settings.logPrefix() + "NetworkHandler.onConnected failed for connection {}", connection.id(), e);
        }
        if (connection.isConnected() && !connection.outbound().isEmpty()) {
            flush(connection, nowNs);
        }
    }

    private void flush(NioConnection connection, long nowNs) {
        if (connection.isFlushing()) {
            return;
        }
        connection.flushing(true);
        try {
            ConnectionIo io = connection.io();
            boolean drained = io.flushPending() && connection.outbound().writeTo(io, nowNs);
            connection.writeInterest(!drained || io.hasPendingOutput());
        } catch (SSLException e) {
            failTls(connection, e);
        } catch (IOException e) {
            fail(connection, "write to " + connection.address() + " failed: " + describe(e));
        } finally {
            connection.flushing(false);
        }
    }

    private void read(NioConnection connection, long nowNs) {
        FrameReader inbound = connection.inbound();
        ConnectionIo io = connection.io();
        try {
            for (int reads = 0; reads < MAX_READS_PER_EVENT; reads++) {
                int bytes = inbound.readFrom(io);
                if (bytes < 0) {
                    fail(connection, inbound.hasPartialFrame()
                            ? connection.address() + " closed the connection in the middle of a response frame"
                            : connection.address() + " closed the connection");
                    return;
                }
                ByteBuffer frame;
                while ((frame = inbound.nextFrame()) != null) {
                    connection.frameReceived();
                    deliverResponse(connection, frame, nowNs);
                    if (!connection.isConnected()) {
                        return;
                    }
                }
                if (!inbound.lastReadFilledBuffer() && !io.hasBufferedInput()) {
                    return;
                }
            }
            if (io.hasBufferedInput()) {
                bufferedReads.add(connection);
            }
        } catch (SSLException e) {
            failTls(connection, e);
        } catch (InvalidFrameException e) {
            fail(connection, "protocol error from " + connection.address() + ": " + e.getMessage());
        } catch (IOException e) {
            fail(connection, "read from " + connection.address() + " failed: " + describe(e));
        }
    }

    private void deliverResponse(NioConnection connection, ByteBuffer frame, long nowNs) {
        try {
            handler.onResponse(connection.id(), frame, nowNs);
        } catch (Exception e) {
            log.error(settings.logPrefix() + "NetworkHandler.onResponse failed for connection {}; the response is lost",
                    connection.id(), e);
        }
    }

    /** Closes a broken connection now; the handler hears of it on the next turn of the loop. */
    private void fail(NioConnection connection, String reason) {
        if (connection.isClosed()) {
            return;
        }
        connection.close();
        connection.failureReason(reason);
        deferredEvents.add(connection);
    }

    /**
     * A TLS failure: the handshake's (a certificate refused on either side) goes to the handler as such; one
     * after responses flowed is an ordinary broken connection.
     */
    private void failTls(NioConnection connection, SSLException e) {
        boolean handshake = e instanceof SSLHandshakeException
                || !connection.receivedFrame() && String.valueOf(e.getMessage()).contains("alert");
        TlsEngineFactory tls = settings.tls().orElseThrow();
        fail(connection, handshake ? tls.describeHandshakeFailure(connection.address(), e)
                : "TLS failure on the connection to " + connection.address() + ": " + describe(e));
        connection.tlsFailure(handshake);
    }

    private void deferFailure(NioConnection closedConnection, String reason) {
        closedConnection.failureReason(reason);
        connections.put(closedConnection);
        deferredEvents.add(closedConnection);
    }

    private void deliverDeferredEvents(long nowNs) {
        // Only the events queued so far: a handler that reconnects and fails at once is heard next turn.
        for (int n = deferredEvents.size(); n > 0; n--) {
            NioConnection connection = deferredEvents.poll();
            if (connections.get(connection.id()) != connection) {
                continue; // disconnected by the handler in the meantime: it does not want to hear
            }
            if (connection.failureReason() != null) {
                connections.remove(connection.id());
                try {
                    if (connection.isTlsFailure()) {
                        handler.onTlsHandshakeFailed(connection.id(), connection.failureReason(), nowNs);
                    } else {
                        handler.onDisconnected(connection.id(), connection.failureReason(), nowNs);
                    }
                } catch (Exception e) {
                    log.error(settings.logPrefix() + "NetworkHandler.onDisconnected failed for connection {}", connection.id(), e);
                }
            } else if (connection.isHandshaking()) {
                continueHandshake(connection, nowNs);
            }
        }
    }

    private void checkIoThread() {
        if (Thread.currentThread() != ioThread) {
            throw new IllegalStateException("called from " + Thread.currentThread().getName()
                    + "; only the I/O thread " + ioThread.getName() + " may call this, from a NetworkHandler callback");
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("ignoring failure to close {}", closeable, e);
        }
    }
}
