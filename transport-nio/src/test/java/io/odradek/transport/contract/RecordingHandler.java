package io.odradek.transport.contract;

import io.odradek.domain.port.NetworkHandler;
import io.odradek.domain.port.Transport;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link NetworkHandler} that records every callback (from the I/O thread) for the test thread to inspect,
 * and runs test actions on the I/O thread from {@link #poll}, the way the sender calls the transport.
 */
public final class RecordingHandler implements NetworkHandler {

    public sealed interface Event permits Connected, Disconnected, TlsFailed, Response {
        int connectionId();
    }

    public record Connected(int connectionId) implements Event {
    }

    /** {@code duringTransportCall}: the transport called us re-entrantly from inside one of its methods. */
    public record Disconnected(int connectionId, String reason, boolean duringTransportCall) implements Event {
    }

    public record Response(int connectionId, byte[] payload) implements Event {
    }

    /** The TLS handshake failed: {@link NetworkHandler#onTlsHandshakeFailed}. */
    public record TlsFailed(int connectionId, String reason) implements Event {
    }

    private final Queue<Event> events = new ConcurrentLinkedQueue<>();
    private final Queue<Consumer<Transport>> actions = new ConcurrentLinkedQueue<>();
    private final Queue<Integer> writtenOrder = new ConcurrentLinkedQueue<>();
    private volatile Transport transport;
    private volatile Thread ioThread;
    private volatile boolean throwOnEveryResponse;
    private boolean insideTransportCall;

    public void attach(Transport transport) {
        this.transport = transport;
    }

    /** Runs {@code action} on the I/O thread, soon. */
    public void run(Consumer<Transport> action) {
        actions.add(action);
        transport.wakeup();
    }

    /** Runs {@code action} on the I/O thread and waits for its result. */
    public <T> T call(Function<Transport, T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        run(t -> {
            try {
                result.complete(action.apply(t));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(Await.DEFAULT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("action on the I/O thread did not complete", e);
        }
    }

    public void throwOnEveryResponse(boolean enabled) {
        this.throwOnEveryResponse = enabled;
    }

    public List<Event> events() {
        return new ArrayList<>(events);
    }

    public List<Event> events(int connectionId) {
        return events.stream().filter(e -> e.connectionId() == connectionId).toList();
    }

    public List<byte[]> responses(int connectionId) {
        return events.stream().filter(e -> e instanceof Response r && r.connectionId() == connectionId)
                .map(e -> ((Response) e).payload()).toList();
    }

    public List<Disconnected> disconnects() {
        return events.stream().filter(Disconnected.class::isInstance).map(Disconnected.class::cast).toList();
    }

    public List<TlsFailed> tlsFailures() {
        return events.stream().filter(TlsFailed.class::isInstance).map(TlsFailed.class::cast).toList();
    }

    public boolean isConnected(int connectionId) {
        return events.stream().anyMatch(e -> e instanceof Connected c && c.connectionId() == connectionId);
    }

    /** Frame indexes in the order their {@code onWritten} ran (TestFrames built with {@link #writtenOrder()}). */
    public Queue<Integer> writtenOrder() {
        return writtenOrder;
    }

    /** The thread that calls this handler, once it has called it. */
    public Thread ioThread() {
        return ioThread;
    }

    @Override
    public long poll(long nowNs) {
        ioThread = Thread.currentThread();
        Consumer<Transport> action;
        while ((action = actions.poll()) != null) {
            insideTransportCall = true;
            try {
                action.accept(transport);
            } finally {
                insideTransportCall = false;
            }
        }
        return Long.MAX_VALUE;
    }

    @Override
    public void onConnected(int connectionId, long nowNs) {
        events.add(new Connected(connectionId));
    }

    @Override
    public void onDisconnected(int connectionId, String reason, long nowNs) {
        events.add(new Disconnected(connectionId, reason, insideTransportCall));
    }

    @Override
    public void onTlsHandshakeFailed(int connectionId, String reason, long nowNs) {
        events.add(new TlsFailed(connectionId, reason));
    }

    @Override
    public void onResponse(int connectionId, ByteBuffer frame, long nowNs) {
        byte[] payload = new byte[frame.remaining()];
        frame.get(payload);
        events.add(new Response(connectionId, payload));
        if (throwOnEveryResponse) {
            throw new IllegalStateException("handler failure injected by the test");
        }
    }
}
