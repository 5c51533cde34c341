package io.odradek.domain.fake;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import io.odradek.domain.port.Clock;
import io.odradek.domain.port.NetworkHandler;
import io.odradek.domain.port.OutboundFrame;
import io.odradek.domain.port.Transport;
import io.odradek.domain.port.TransportFactory;
import io.odradek.domain.port.TransportSettings;
import io.odradek.domain.protocol.Response;

/**
 * A transport with no sockets and no thread: the test drives the sender step by step. Frames sent go to
 * the {@link FakeBroker} at once; its answers come back as events on this transport's own timeline,
 * delivered by {@link #runUntilIdle()} and {@link #advance(Duration)}. Network faults are injected here:
 * lost responses, late responses, broken connections.
 *
 * <p>Only the driving thread (normally the test's) may call {@link #runUntilIdle()}, {@link #advance} and
 * the fault methods; {@link #wakeup()} may come from any thread.
 */
public final class FakeTransport implements TransportFactory, Transport {
    /** A guard against a handler that never goes idle: more rounds than this at one instant is a bug. */
    private static final int MAX_ROUNDS_PER_INSTANT = 100_000;
    private static final long SPIN_RETRY_NS = 1_000_000L;

    private final ManualClock clock;
    private final FakeBroker broker;
    private final FakeWireProtocol protocol;
    private final AtomicBoolean pollDue = new AtomicBoolean();
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final Map<Integer, Connection> connections = new HashMap<>();
    private final Map<Integer, Long> responseDelayNs = new HashMap<>();
    private NetworkHandler handler;
    private volatile boolean started;
    private volatile boolean closed;
    private long nextPollNs = Long.MAX_VALUE;
    private long eventSequence;
    private int spinningPolls;
    private int connectsAttempted;
    private long framesSent;
    private long bytesSent;
    private long responsesDelivered;
    private long bytesDelivered;
    /** When the node last received a request, for tests of what the sender held back. */
    private final Map<Integer, Long> lastRequestNs = new HashMap<>();
    private final Set<Integer> nodesConnectedTo = new TreeSet<>();

    public FakeTransport(ManualClock clock, FakeBroker broker, FakeWireProtocol protocol) {
        this.clock = clock;
        this.broker = broker;
        this.protocol = protocol;
    }

    private enum State { CONNECTING, OPEN, CLOSED }

    private static final class Connection {
        final int nodeId;
        State state = State.CONNECTING;
        /** Set once a response was lost: the connection stalls, as a half-dead TCP connection does. */
        boolean blackHoled;
        /** Responses still to lose on this connection. */
        int responsesToDrop;
        /** Responses still to deliver as bytes the protocol cannot decode. */
        int responsesToGarble;
        /** The handler closed it itself: it must not hear onDisconnected for it any more. */
        boolean closedByHandler;
        long lastDeliveryNs;

        Connection(int nodeId) {
            this.nodeId = nodeId;
        }

        boolean takeDrop() {
            if (responsesToDrop <= 0) {
                return false;
            }
            responsesToDrop--;
            return true;
        }
    }

    private record Event(long atNs, long sequence, int connectionId, Kind kind, ByteBuffer frame, String reason)
            implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(atNs, other.atNs);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private enum Kind { CONNECTED, DISCONNECTED, RESPONSE }

    // ---- TransportFactory ----

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Transport create(TransportSettings settings, NetworkHandler handler) {
        this.handler = handler;
        return this;
    }

    // ---- Transport ----

    @Override
    public void start() {
        started = true;
        pollDue.set(true);
    }

    @Override
    public void wakeup() {
        pollDue.set(true);
    }

    @Override
    public void connect(int connectionId, String host, int port) {
        connectsAttempted++;
        int nodeId = broker.nodeAt(host, port);
        nodesConnectedTo.add(nodeId);
        Connection connection = new Connection(nodeId);
        connections.put(connectionId, connection);
        if (nodeId < 0 || !broker.isUp(nodeId)) {
            schedule(clock.nanoTime(), connectionId, Kind.DISCONNECTED, null, "connection refused by " + host);
        } else {
            schedule(clock.nanoTime(), connectionId, Kind.CONNECTED, null, null);
        }
    }

    @Override
    public void send(int connectionId, OutboundFrame frame) {
        Connection connection = connections.get(connectionId);
        if (connection == null || connection.state != State.OPEN) {
            return;
        }
        long nowNs = clock.nanoTime();
        framesSent++;
        bytesSent += frame.sizeBytes();
        lastRequestNs.put(connection.nodeId, nowNs);
        FakeWireProtocol.Sent sent = protocol.takeRequest(frame.buffers());
        frame.onWritten(nowNs);
        Response response = broker.handle(connection.nodeId, connectionId, sent.request());
        if (response == null) {
            return;
        }
        int correlationId = sent.header().correlationId();
        if (connection.blackHoled || connection.takeDrop() || broker.loseAnswer(connection.nodeId, sent.request())) {
            connection.blackHoled = true;
            return;
        }
        long atNs = Math.max(nowNs + responseDelayNs.getOrDefault(connection.nodeId, 0L), connection.lastDeliveryNs);
        connection.lastDeliveryNs = atNs;
        ByteBuffer responseFrame = protocol.responseFrame(correlationId, response);
        if (connection.responsesToGarble > 0) {
            connection.responsesToGarble--;
            protocol.discardResponse(correlationId);
            responseFrame = FakeWireProtocol.garbledFrame(correlationId);
        }
        schedule(atNs, connectionId, Kind.RESPONSE, responseFrame, null);
    }


    @Override
    public long pendingWriteBytes(int connectionId) {
        return 0;
    }

    @Override
    public void disconnect(int connectionId) {
        Connection connection = connections.get(connectionId);
        if (connection != null) {
            connection.state = State.CLOSED;
            connection.closedByHandler = true;
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    // ---- faults ----

    /**
     * The next {@code count} responses on the connections open to the node now are lost after the node handled the
     * request (so a Produce was written); such a connection then stalls until the sender gives up on it. A fault of
     * this moment: connections opened later are not affected.
     */
    public void dropNextResponses(int nodeId, int count) {
        connections.values().forEach(connection -> {
            if (connection.nodeId == nodeId && connection.state == State.OPEN) {
                connection.responsesToDrop += count;
            }
        });
    }

    /**
     * The next {@code count} responses on the connections open to the node now arrive as bytes the protocol cannot
     * decode (after the node handled the request, so a Produce was written).
     */
    public void garbleNextResponses(int nodeId, int count) {
        connections.values().forEach(connection -> {
            if (connection.nodeId == nodeId && connection.state == State.OPEN) {
                connection.responsesToGarble += count;
            }
        });
    }

    /** The node's responses arrive {@code delay} after the request from now on (zero to stop). */
    public void delayResponses(int nodeId, Duration delay) {
        responseDelayNs.put(nodeId, delay.toNanos());
    }

    /** Breaks every open connection to the node; the sender hears onDisconnected. */
    public void disconnectNode(int nodeId) {
        connections.forEach((id, connection) -> {
            if (connection.nodeId == nodeId && connection.state != State.CLOSED) {
                connection.state = State.CLOSED;
                schedule(clock.nanoTime(), id, Kind.DISCONNECTED, null, "fake network broke the connection");
            }
        });
    }

    // ---- driving ----

    /** Delivers every event due now and polls the handler until nothing is left to do at this instant. */
    public void runUntilIdle() {
        if (!started || closed) {
            return;
        }
        long nowNs = clock.nanoTime();
        for (int round = 0; round < MAX_ROUNDS_PER_INSTANT; round++) {
            Event event = events.peek();
            if (event != null && event.atNs() <= nowNs) {
                events.poll();
                deliver(event, nowNs);
                pollDue.set(true);
                continue;
            }
            if (pollDue.getAndSet(false) || nowNs >= nextPollNs) {
                nextPollNs = handler.poll(nowNs);
                if (nextPollNs <= nowNs) {
                    // The handler wants to be polled again at once: a real I/O thread would spin here.
                    // Polling again at this same instant would do the same nothing, so poll again a little later.
                    spinningPolls++;
                    nextPollNs = nowNs + SPIN_RETRY_NS;
                }
                continue;
            }
            return;
        }
        throw new IllegalStateException("the transport did not go idle after " + MAX_ROUNDS_PER_INSTANT
                + " rounds at " + nowNs + " ns");
    }

    /**
     * When this transport next has something to do: now if it was woken, else its next event or the handler's poll
     * deadline, whichever is first; {@link Long#MAX_VALUE} when nothing is pending.
     */
    public long nextDeadlineNs() {
        if (pollDue.get()) {
            // Woken (by a send, or by another producer's callback) since it last ran: it has work now.
            return clock.nanoTime();
        }
        Event event = events.peek();
        return event == null ? nextPollNs : Math.min(nextPollNs, event.atNs());
    }

    /** Moves time forward by {@code duration}, stopping at every event and poll deadline on the way. */
    public void advance(Duration duration) {
        long targetNs = clock.nanoTime() + duration.toNanos();
        runUntilIdle();
        while (true) {
            if (closed) {
                // Closed (perhaps by another thread, mid-advance): nothing is delivered or polled any more, so the
                // deadlines left behind would never move; time just passes.
                clock.advanceTo(Math.max(targetNs, clock.nanoTime()));
                return;
            }
            long nextNs = Math.min(targetNs, nextPollNs);
            Event event = events.peek();
            if (event != null) {
                nextNs = Math.min(nextNs, event.atNs());
            }
            clock.advanceTo(Math.max(nextNs, clock.nanoTime()));
            runUntilIdle();
            if (clock.nanoTime() >= targetNs) {
                return;
            }
        }
    }

    private void deliver(Event event, long nowNs) {
        Connection connection = connections.get(event.connectionId());
        switch (event.kind()) {
            case CONNECTED -> {
                if (connection.state == State.CONNECTING) {
                    connection.state = State.OPEN;
                    handler.onConnected(event.connectionId(), nowNs);
                }
            }
            case DISCONNECTED -> {
                connection.state = State.CLOSED;
                if (!connection.closedByHandler) {
                    handler.onDisconnected(event.connectionId(), event.reason(), nowNs);
                }
            }
            case RESPONSE -> {
                if (connection.state == State.OPEN) {
                    responsesDelivered++;
                    bytesDelivered += event.frame().remaining() + 4L;
                    handler.onResponse(event.connectionId(), event.frame(), nowNs);
                }
            }
        }
    }

    private void schedule(long atNs, int connectionId, Kind kind, ByteBuffer frame, String reason) {
        events.add(new Event(atNs, eventSequence++, connectionId, kind, frame, reason));
    }

    /** Polls that asked to be polled again at the same instant: a real I/O thread would have spun on them. */
    public int spinningPolls() {
        return spinningPolls;
    }

    /** Request frames handed to this transport, and their bytes (size prefix included, as encoded). */
    public long framesSent() {
        return framesSent;
    }

    public long bytesSent() {
        return bytesSent;
    }

    /** Responses delivered to the sender, and their bytes counted with a 4-byte size prefix, as on a socket. */
    public long responsesDelivered() {
        return responsesDelivered;
    }

    public long bytesDelivered() {
        return bytesDelivered;
    }

    /** When node {@code nodeId} last received a request; -1 if never. */
    public long lastRequestNs(int nodeId) {
        return lastRequestNs.getOrDefault(nodeId, -1L);
    }

    public int connectsAttempted() {
        return connectsAttempted;
    }

    /** The nodes a connection was opened to, at least once (bootstrap connections included). */
    public Set<Integer> nodesConnectedTo() {
        return Set.copyOf(nodesConnectedTo);
    }

    public boolean isClosed() {
        return closed;
    }
}
