package io.odradek.domain.port;

import java.nio.ByteBuffer;

/**
 * A request frame to write: its buffers, in order, already hold the 4-byte size prefix and everything
 * after it. Batch buffers are among them unchanged, so writing must not copy them.
 */
public interface OutboundFrame {

    /** The buffers to write, from each one's position to its limit. */
    ByteBuffer[] buffers();

    /** Total bytes of the frame, size prefix included. */
    long sizeBytes();

    /** Called on the I/O thread once the last byte was handed to the socket (acks=0 completes here). */
    default void onWritten(long nowNs) {
    }
}
