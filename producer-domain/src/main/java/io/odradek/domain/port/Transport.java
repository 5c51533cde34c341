package io.odradek.domain.port;

/**
 * Sockets, as the domain sees them. One I/O thread owned by the transport calls the {@link NetworkHandler}
 * (the sender state machine); connections are named by ids the domain chooses.
 *
 * <p>Threading: {@link #start()}, {@link #wakeup()} and {@link #close()} may be called from any thread.
 * {@link #connect}, {@link #send} and {@link #disconnect} are called only from the I/O thread, from inside a
 * {@link NetworkHandler} callback.
 */
public interface Transport extends AutoCloseable {

    /** Starts the I/O thread. It calls {@link NetworkHandler#poll} at once and whenever a deadline passes. */
    void start();

    /** Makes the I/O thread call {@link NetworkHandler#poll} soon. Cheap enough to call once per batch. */
    void wakeup();

    /**
     * Starts connecting; completes with {@link NetworkHandler#onConnected} or
     * {@link NetworkHandler#onDisconnected}. Resolution of {@code host} happens here too.
     */
    void connect(int connectionId, String host, int port);

    /**
     * Queues a frame to be written after the frames queued before it on this connection. The transport
     * writes the frame's buffers as they are (gathering writes, no copy) and must not change their
     * contents; it may advance their positions. Frames queued on a closed connection are dropped: the
     * handler already heard {@link NetworkHandler#onDisconnected}.
     */
    void send(int connectionId, OutboundFrame frame);

    /** Bytes queued on the connection and not yet written to the socket: back-pressure for the sender. */
    long pendingWriteBytes(int connectionId);

    /**
     * Closes the connection. The handler is not told (it asked); frames not yet written are dropped.
     */
    void disconnect(int connectionId);

    /** Stops the I/O thread, closes every connection and waits for the thread to end. Idempotent. */
    @Override
    void close();
}
