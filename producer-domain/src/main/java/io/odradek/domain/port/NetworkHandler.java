package io.odradek.domain.port;

import java.nio.ByteBuffer;

/**
 * What the transport's I/O thread calls: the sender state machine. Every method runs on that one thread,
 * with the time the transport read from the {@link Clock}.
 */
public interface NetworkHandler {

    /**
     * Does whatever work is due (connect, send ready batches, expire requests) and returns the absolute
     * {@link Clock#nanoTime()} at which it wants to be polled again if nothing else happens first.
     */
    long poll(long nowNs);

    /** The connection is established and writable. */
    void onConnected(int connectionId, long nowNs);

    /**
     * The connection failed to connect, or broke (I/O error, peer closed, oversized frame). Frames not
     * written are dropped. Not called after {@link Transport#disconnect}.
     */
    void onDisconnected(int connectionId, String reason, long nowNs);

    /**
     * The TLS handshake failed, which no reconnect can fix with the same configuration (an untrusted or
     * mismatched certificate, a refused client certificate); the connection is closed. {@code reason} is the
     * {@link TlsEngineFactory#describeHandshakeFailure} text. Called instead of {@link #onDisconnected}; a handler
     * that does not tell the two apart gets the latter.
     */
    default void onTlsHandshakeFailed(int connectionId, String reason, long nowNs) {
        onDisconnected(connectionId, reason, nowNs);
    }

    /**
     * One complete response frame, without its 4-byte size prefix. The buffer is valid only during the
     * call: copy what must outlive it.
     */
    void onResponse(int connectionId, ByteBuffer frame, long nowNs);
}
