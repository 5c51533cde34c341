package io.odradek.transport.nio;

import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One connection's state on the I/O thread: its channel, the bytes layer over it (plain or TLS), what is queued
 * to write and what was received.
 */
final class NioConnection {

    enum State { CONNECTING, HANDSHAKING, CONNECTED, CLOSED }

    private final int id;
    private final String address;
    private final SocketChannel channel;
    private final ConnectionIo io;
    private final OutboundQueue outbound;
    private final FrameReader inbound;
    private SelectionKey key;
    private State state;
    /** Set when the connection broke and the handler has not heard it yet; null for a deferred onConnected. */
    private String failureReason;
    /** The failure was the TLS handshake's: the handler hears onTlsHandshakeFailed, not onDisconnected. */
    private boolean tlsFailure;
    /** Whether a whole response arrived: a TLS alert after that is no longer the handshake's. */
    private boolean receivedFrame;
    private boolean writeInterest;
    /** True while {@link OutboundQueue#writeTo} runs, so a frame callback that sends does not write re-entrantly. */
    private boolean flushing;

    NioConnection(int id, String address, SocketChannel channel, ConnectionIo io, int maxResponseSizeBytes) {
        this(id, address, channel, io, maxResponseSizeBytes, "");
    }

    NioConnection(int id, String address, SocketChannel channel, ConnectionIo io, int maxResponseSizeBytes,
                  String logPrefix) {
        this.outbound = new OutboundQueue(logPrefix);
        this.id = id;
        this.address = address;
        this.channel = channel;
        this.io = io;
        this.inbound = new FrameReader(maxResponseSizeBytes);
        this.state = channel == null ? State.CLOSED : State.CONNECTING;
    }

    int id() {
        return id;
    }

    String address() {
        return address;
    }

    SocketChannel channel() {
        return channel;
    }

    ConnectionIo io() {
        return io;
    }

    OutboundQueue outbound() {
        return outbound;
    }

    FrameReader inbound() {
        return inbound;
    }

    void key(SelectionKey key) {
        this.key = key;
    }

    boolean isConnected() {
        return state == State.CONNECTED;
    }

    boolean isClosed() {
        return state == State.CLOSED;
    }

    boolean isHandshaking() {
        return state == State.HANDSHAKING;
    }

    /** The socket is connected; TLS (if any) has its handshake to do before the connection carries frames. */
    void markHandshaking() {
        state = State.HANDSHAKING;
        key.interestOps(SelectionKey.OP_READ);
    }

    /** During the handshake, OP_WRITE only while the handshake has bytes the socket has not taken yet. */
    void handshakeInterest(boolean wantsWrite) {
        key.interestOps(wantsWrite ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    void markConnected() {
        state = State.CONNECTED;
        writeInterest = false;
        key.interestOps(SelectionKey.OP_READ);
    }

    boolean isTlsFailure() {
        return tlsFailure;
    }

    void tlsFailure(boolean tlsFailure) {
        this.tlsFailure = tlsFailure;
    }

    boolean receivedFrame() {
        return receivedFrame;
    }

    void frameReceived() {
        receivedFrame = true;
    }

    String failureReason() {
        return failureReason;
    }

    void failureReason(String reason) {
        this.failureReason = reason;
    }

    boolean hasWriteInterest() {
        return writeInterest;
    }

    /** OP_WRITE only while data is pending: a writable socket with nothing to write would wake the selector forever. */
    void writeInterest(boolean wanted) {
        if (wanted != writeInterest && state == State.CONNECTED) {
            key.interestOps(wanted ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            writeInterest = wanted;
        }
    }

    boolean isFlushing() {
        return flushing;
    }

    void flushing(boolean flushing) {
        this.flushing = flushing;
    }

    /** Closes the channel and drops whatever was queued. Idempotent. */
    void close() {
        state = State.CLOSED;
        outbound.clear();
        if (key != null) {
            key.cancel();
        }
        if (io != null) {
            io.closeGracefully();
        }
    }
}
