package io.odradek.transport.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.handler.ssl.SslHandler;
import io.odradek.domain.port.Clock;
import io.odradek.domain.port.TlsEngineFactory;
import io.odradek.domain.port.NetworkHandler;
import io.odradek.domain.port.OutboundFrame;
import io.odradek.domain.port.Transport;
import io.odradek.domain.port.TransportSettings;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Transport} on one Netty event loop (a single-thread group of its own). The handler is polled on
 * that loop: at {@link #start()}, after every round of reads and connection events, on {@link #wakeup()},
 * and when the deadline its last poll returned passes. Frames written during a round are flushed at its end.
 *
 * <p>Failures are reported in a task of their own, never from inside a handler callback or a transport
 * method: a connection that breaks is closed at once (later sends are dropped) and its
 * {@code onDisconnected} runs next. A handler that throws is logged and the loop carries on.
 */
public final class NettyTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(NettyTransport.class);

    /** When poll() throws, the handler's next deadline is unknown: try again soon rather than spin or stall. */
    private static final long POLL_RETRY_AFTER_FAILURE_NS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * A backstop only: the domain gives up on a connection after socket.connection.setup.timeout.ms (and calls
     * disconnect); this is Kafka's socket.connection.setup.timeout.max.ms default.
     */
    static final int CONNECT_TIMEOUT_MS = 30_000;
    private static final long SHUTDOWN_TIMEOUT_MS = 2_000;
    private static final long CLOSE_WAIT_MS = 10_000;

    private final TransportSettings settings;
    private final NetworkHandler handler;
    private final Clock clock;
    private final IoFlavour flavour;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final AtomicBoolean pollRequested = new AtomicBoolean();
    private final Runnable requestedPoll = this::runRequestedPoll;
    private final Runnable deadlinePoll = this::runDeadlinePoll;
    private final Object lifecycleLock = new Object();
    private volatile boolean started;
    private volatile boolean closed;
    private volatile Thread ioThread;

    // Touched by the event loop only.
    private final IntObjectHashMap<NettyConnection> connections = new IntObjectHashMap<>();
    private final ArrayDeque<NettyConnection> toFlush = new ArrayDeque<>();
    private ScheduledFuture<?> deadlineTask;
    private long deadlineTaskNs;

    public NettyTransport(TransportSettings settings, NetworkHandler handler, Clock clock, IoFlavour flavour) {
        if (settings.maxResponseSizeBytes() <= 0) {
            throw new IllegalArgumentException("maxResponseSizeBytes must be positive: " + settings.maxResponseSizeBytes());
        }
        this.settings = settings;
        this.handler = handler;
        this.clock = clock;
        this.flavour = flavour;
        this.group = new MultiThreadIoEventLoopGroup(1, this::newIoThread, flavour.ioHandlerFactory());
        this.loop = group.next();
        this.bootstrap = new Bootstrap().group(loop).channel(flavour.channelClass())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS);
        if (settings.sendBufferBytes() > 0) {
            bootstrap.option(ChannelOption.SO_SNDBUF, settings.sendBufferBytes());
        }
        if (settings.receiveBufferBytes() > 0) {
            // Set before connect: the receive window scale is fixed during the handshake.
            bootstrap.option(ChannelOption.SO_RCVBUF, settings.receiveBufferBytes());
        }
    }

    IoFlavour flavour() {
        return flavour;
    }

    private Thread newIoThread(Runnable task) {
        Thread thread = new FastThreadLocalThread(task, settings.threadName());
        thread.setDaemon(true);
        ioThread = thread;
        return thread;
    }

    @Override
    public void start() {
        synchronized (lifecycleLock) {
            if (closed) {
                throw new IllegalStateException("transport is closed");
            }
            if (started) {
                throw new IllegalStateException("transport already started");
            }
            started = true;
        }
        requestPoll();
    }

    @Override
    public void wakeup() {
        if (started && !closed) {
            requestPoll();
        }
    }

    /** Polls the handler soon, on the loop; requests made before that poll begins share it. */
    void requestPoll() {
        if (pollRequested.compareAndSet(false, true)) {
            try {
                loop.execute(requestedPoll);
            } catch (RejectedExecutionException e) {
                // The loop is shutting down: there is nothing left to poll for.
            }
        }
    }

    @Override
    public void connect(int connectionId, String host, int port) {
        checkIoThread();
        if (connections.containsKey(connectionId)) {
            throw new IllegalStateException("connection " + connectionId + " is already in use");
        }
        NettyConnection connection = new NettyConnection(connectionId, host + ":" + port, this,
                settings.maxResponseSizeBytes(), settings.tls().isPresent());
        connections.put(connectionId, connection);
        // The bootstrap resolves the host on this loop (as the JDK resolves it for transport-nio).
        ChannelFuture connected = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                settings.tls().ifPresent(tls -> channel.pipeline().addLast(new SslHandler(tls.newClientEngine(host, port))));
                channel.pipeline().addLast(connection.decoder(), connection);
            }
        }).connect(InetSocketAddress.createUnresolved(host, port));
        connection.channel(connected.channel());
        connected.addListener((ChannelFutureListener) future -> {
            if (!future.isSuccess()) {
                fail(connection, "cannot connect to " + connection.address() + ": " + describe(future.cause()));
            }
        });
    }

    @Override
    public void send(int connectionId, OutboundFrame frame) {
        checkIoThread();
        NettyConnection connection = connections.get(connectionId);
        if (connection == null || connection.isClosed()) {
            return;
        }
        Channel channel = connection.channel();
        connection.unwritten().addLast(frame);
        channel.write(OutboundFrames.toMessage(frame.buffers(), channel.alloc()))
                .addListener(future -> written(connection, frame, future));
        // Flushed at the end of this round (or once connected): one syscall for all frames of the round.
        if (connection.isActive() && connection.markFlushQueued()) {
            toFlush.add(connection);
        }
    }

    /**
     * Reports {@code frame} and every frame queued before it written, in queue order. Bytes leave in that order,
     * but Netty's TLS handler completes the promises of the writes it coalesced in no particular order, so a
     * later frame's promise may come first: the earlier frames are then written too.
     */
    private void written(NettyConnection connection, OutboundFrame frame, Future<?> future) {
        if (!future.isSuccess()) {
            return; // the connection broke or was closed: the handler hears (or asked) about that instead
        }
        if (!connection.unwritten().contains(frame)) {
            return; // reported with a later frame whose promise completed first
        }
        long nowNs = clock.nanoTime();
        OutboundFrame done;
        do {
            done = connection.unwritten().pollFirst();
            try {
                done.onWritten(nowNs);
            } catch (Exception e) {
                log.error(settings.logPrefix() + "OutboundFrame.onWritten failed", e);
            }
        } while (done != frame);
        // Writes finishing may free room the sender waits for (in-flight limits, acks=0 completions).
        requestPoll();
    }

    @Override
    public long pendingWriteBytes(int connectionId) {
        checkIoThread();
        NettyConnection connection = connections.get(connectionId);
        return connection == null ? 0 : connection.pendingWriteBytes();
    }

    @Override
    public void disconnect(int connectionId) {
        checkIoThread();
        NettyConnection connection = connections.remove(connectionId);
        if (connection != null) {
            connection.close();
        }
    }

    @Override
    public void close() {
        synchronized (lifecycleLock) {
            if (!closed) {
                closed = true;
                try {
                    loop.execute(this::closeAllConnections);
                } catch (RejectedExecutionException e) {
                    // already shutting down
                }
                group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
        }
        if (loop.inEventLoop()) {
            return;
        }
        long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MS);
        boolean terminated = group.terminationFuture().awaitUninterruptibly(CLOSE_WAIT_MS);
        Thread thread = ioThread;
        if (terminated && thread != null) {
            // The termination future completes just before the thread itself returns.
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!terminated || (thread != null && thread.isAlive())) {
            log.warn(settings.logPrefix() + "event loop {} did not stop within {} ms (a handler callback is stuck?)",
                    settings.threadName(), CLOSE_WAIT_MS);
        }
    }

    private void closeAllConnections() {
        for (NettyConnection connection : new ArrayList<>(connections.values())) {
            connection.close();
        }
        connections.clear();
        toFlush.clear();
        if (deadlineTask != null) {
            deadlineTask.cancel(false);
            deadlineTask = null;
        }
    }

    // --- the poll rounds ---

    private void runRequestedPoll() {
        // Cleared before polling: a wakeup from now on asks for another round.
        pollRequested.set(false);
        pollRound();
    }

    private void runDeadlinePoll() {
        deadlineTask = null;
        pollRound();
    }

    private void pollRound() {
        if (closed) {
            return;
        }
        long nowNs = clock.nanoTime();
        long deadlineNs;
        try {
            deadlineNs = handler.poll(nowNs);
        } catch (Exception e) {
            log.error(settings.logPrefix() + "NetworkHandler.poll failed; polling again shortly", e);
            deadlineNs = nowNs + POLL_RETRY_AFTER_FAILURE_NS;
        }
        flushQueued();
        scheduleDeadline(deadlineNs);
    }

    private void scheduleDeadline(long deadlineNs) {
        if (deadlineNs == Long.MAX_VALUE) {
            return; // a pending earlier task only costs one spare poll
        }
        if (deadlineTask != null) {
            if (deadlineTaskNs <= deadlineNs) {
                return; // it fires first; that poll asks for the later deadline again
            }
            deadlineTask.cancel(false);
            deadlineTask = null;
        }
        long delayNs = deadlineNs - clock.nanoTime();
        if (delayNs <= 0) {
            requestPoll();
            return;
        }
        deadlineTaskNs = deadlineNs;
        deadlineTask = loop.schedule(deadlinePoll, delayNs, TimeUnit.NANOSECONDS);
    }

    private void flushQueued() {
        NettyConnection connection;
        while ((connection = toFlush.poll()) != null) {
            connection.flush();
        }
    }

    // --- events from the connections, on the loop ---

    void connectionActive(NettyConnection connection) {
        if (closed || connections.get(connection.id()) != connection) {
            return;
        }
        try {
            handler.onConnected(connection.id(), clock.nanoTime());
        } catch (Exception e) {
            log.error(settings.logPrefix() + "NetworkHandler.onConnected failed for connection {}", connection.id(), e);
        }
        connection.flush(); // frames queued while connecting, and any the handler just sent
        requestPoll();
    }

    void response(NettyConnection connection, ByteBuffer frame) {
        try {
            handler.onResponse(connection.id(), frame, clock.nanoTime());
        } catch (Exception e) {
            log.error(settings.logPrefix() + "NetworkHandler.onResponse failed for connection {}; the response is lost", connection.id(), e);
        }
    }

    /** The end of a round of reads on one connection: frames the handler sent go out, then it is polled. */
    void readsDone() {
        flushQueued();
        requestPoll();
    }

    /**
     * A TLS failure: the handshake's (a certificate refused on either side) reaches the handler as such, one after
     * responses flowed as an ordinary broken connection.
     */
    void failTls(NettyConnection connection, Throwable cause, boolean handshake) {
        TlsEngineFactory tls = settings.tls().orElseThrow();
        if (handshake) {
            fail(connection, tls.describeHandshakeFailure(connection.address(), cause), true);
        } else {
            fail(connection, "TLS failure on the connection to " + connection.address() + ": " + describe(cause), false);
        }
    }

    /** Closes a broken connection now; the handler hears of it in a task of its own, once. */
    void fail(NettyConnection connection, String reason) {
        fail(connection, reason, false);
    }

    private void fail(NettyConnection connection, String reason, boolean tlsHandshake) {
        if (connection.isClosed()) {
            return;
        }
        connection.close();
        try {
            loop.execute(() -> deliverDisconnected(connection, reason, tlsHandshake));
        } catch (RejectedExecutionException e) {
            // The transport is closing: nobody is listening any more.
        }
    }

    private void deliverDisconnected(NettyConnection connection, String reason, boolean tlsHandshake) {
        if (closed || connections.get(connection.id()) != connection) {
            return; // disconnected by the handler meanwhile: it does not want to hear
        }
        connections.remove(connection.id());
        try {
            if (tlsHandshake) {
                handler.onTlsHandshakeFailed(connection.id(), reason, clock.nanoTime());
            } else {
                handler.onDisconnected(connection.id(), reason, clock.nanoTime());
            }
        } catch (Exception e) {
            log.error(settings.logPrefix() + "NetworkHandler.onDisconnected failed for connection {}", connection.id(), e);
        }
        flushQueued();
        requestPoll();
    }

    private void checkIoThread() {
        if (!loop.inEventLoop()) {
            throw new IllegalStateException("called from " + Thread.currentThread().getName()
                    + "; only the event loop " + settings.threadName() + " may call this, from a NetworkHandler callback");
        }
    }

    static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
