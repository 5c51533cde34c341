package io.odradek.it.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of one broker's client listener, so a test can do to a client's connections
 * what a network does: cut them, or make them slow, while the broker itself (and replication, which does
 * not pass here) carries on.
 *
 * <pre>{@code
 * try (TcpProxy proxy = TcpProxy.listening("broker-1")) {
 *     proxy.forwardTo(brokerPort);
 *     // clients connect to 127.0.0.1:proxy.port()
 *     proxy.cut(TcpProxy.Cut.BLACKHOLE);   // clients hear nothing and must time out
 *     proxy.restore();
 *     proxy.delay(Duration.ofSeconds(1));  // every answer arrives a second late
 * }
 * }</pre>
 *
 * <p>Blocking sockets, two threads per direction of each connection (one reads, one writes when a chunk is
 * due): simple, and a test opens a few dozen connections at most. Thread-safe.
 */
public final class TcpProxy implements AutoCloseable {

    /** How a cut proxy treats the client's connections until {@link #restore()}. */
    public enum Cut {
        /** Every open connection is closed now, and every new one as soon as it is accepted: the client knows at once. */
        REFUSE,
        /**
         * Nothing is forwarded any more, either way, and nothing is closed: open connections go silent and new
         * ones are accepted and never answered, as when a network drops every packet. The client hears nothing
         * and has only its timeouts. On {@link #restore()} what was held is delivered, as TCP would once the
         * network heals.
         */
        BLACKHOLE
    }

    private static final int ACCEPT_BACKLOG = 50;

    private final String name;
    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Gate gate = new Gate();
    private volatile InetSocketAddress target;
    private volatile Cut cut;
    private volatile boolean closed;

    private TcpProxy(String name, ServerSocket server) {
        this.name = name;
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + name + "-accept");
        this.acceptor.setDaemon(true);
    }

    /**
     * A proxy listening on a free loopback port. Until {@link #forwardTo} names the target it closes what it
     * accepts, so the port can be advertised before the broker behind it exists.
     */
    public static TcpProxy listening(String name) {
        try {
            ServerSocket server = new ServerSocket(0, ACCEPT_BACKLOG, InetAddress.getLoopbackAddress());
            TcpProxy proxy = new TcpProxy(name, server);
            proxy.acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open proxy " + name, e);
        }
    }

    /** Forwards every connection from now on to {@code port} on the loopback address. */
    public void forwardTo(int port) {
        target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers} and advertised listeners. */
    public String address() {
        return server.getInetAddress().getHostAddress() + ":" + port();
    }

    /** Cuts the client's connections: see {@link Cut}. Lasts until {@link #restore()}. */
    public void cut(Cut how) {
        cut = how;
        if (how == Cut.BLACKHOLE) {
            gate.close();
        } else {
            List.copyOf(connections).forEach(ProxiedConnection::close);
        }
    }

    /**
     * Adds {@code latency} to every chunk the broker sends to the client from now on. Chunks are not held
     * back behind each other: each is delivered {@code latency} after it arrived, so throughput stays.
     */
    public void delay(Duration latency) {
        delay(latency, Duration.ZERO);
    }

    /** Adds latency to what the broker sends ({@code toClient}) and to what the client sends ({@code toBroker}). */
    public void delay(Duration toClient, Duration toBroker) {
        gate.delay(toClient.toNanos(), toBroker.toNanos());
    }

    /** Ends a cut and any delay: forwarding resumes at full speed; what a black hole held is delivered now. */
    public void restore() {
        cut = null;
        gate.delay(0, 0);
        gate.open();
    }

    /** Connections accepted since the proxy started, including refused ones. */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Connections open right now, forwarding or held by a black hole. */
    public int openConnections() {
        return connections.size();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        gate.open();
        List.copyOf(connections).forEach(ProxiedConnection::close);
        try {
            acceptor.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "TcpProxy[" + name + " " + address() + " -> " + target + (cut == null ? "" : ", cut " + cut) + "]";
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println(this + ": accept failed: " + e);
                }
                return;
            }
            accepted.incrementAndGet();
            InetSocketAddress to = target;
            if (to == null || cut == Cut.REFUSE) {
                closeQuietly(client);
                continue;
            }
            connect(client, to);
        }
    }

    /** A broker that is down shows as a connection closed at once, as the client would see a refused connect. */
    private void connect(Socket client, InetSocketAddress to) {
        Socket broker = new Socket();
        try {
            broker.connect(to, (int) Duration.ofSeconds(5).toMillis());
        } catch (IOException brokerDown) {
            closeQuietly(broker);
            closeQuietly(client);
            return;
        }
        ProxiedConnection connection = new ProxiedConnection(name, client, broker, gate, connections::remove);
        connections.add(connection);
        connection.start();
        if (cut == Cut.REFUSE || closed) {
            // cut() ran between the check in acceptLoop and the add above and did not see this connection
            connection.close();
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing a socket that failed or is closed already
        }
    }
}
