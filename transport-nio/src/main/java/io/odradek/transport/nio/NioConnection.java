package io.odradek.transport.nio;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/** One connection's state on the I/O thread: its channel, what is queued to write and what was received. */
final class NioConnection {

    enum State { CONNECTING, CONNECTED, CLOSED }

    private final int id;
    private final String address;
    private final SocketChannel channel;
    private final OutboundQueue outbound;
    private final FrameReader inbound;
    private SelectionKey key;
    private State state;
    /** Set when the connection broke and the handler has not heard it yet; null for a deferred onConnected. */
    private String failureReason;
    private boolean writeInterest;
    /** True while {@link OutboundQueue#writeTo} runs, so a frame callback that sends does not write re-entrantly. */
    private boolean flushing;

    NioConnection(int id, String address, SocketChannel channel, int maxResponseSizeBytes) {
        this(id, address, channel, maxResponseSizeBytes, "");
    }

    NioConnection(int id, String address, SocketChannel channel, int maxResponseSizeBytes, String logPrefix) {
        this.outbound = new OutboundQueue(logPrefix);
        this.id = id;
        this.address = address;
        this.channel = channel;
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

    void markConnected() {
        state = State.CONNECTED;
        key.interestOps(SelectionKey.OP_READ);
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
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing a broken socket can fail; there is nothing left to release.
            }
        }
    }
}
