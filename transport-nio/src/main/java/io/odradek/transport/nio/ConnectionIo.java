package io.odradek.transport.nio;

import java.io.IOException;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ReadableByteChannel;

/**
 * The bytes of one connection as the transport reads and writes them: the socket itself, or TLS over it. The
 * transport drives both the same way, so TLS is one more layer, not a second code path.
 */
interface ConnectionIo extends GatheringByteChannel, ReadableByteChannel {

    /**
     * Advances the handshake as far as the socket allows; true once it is done (at once for a plain socket).
     *
     * @throws javax.net.ssl.SSLException when the handshake fails
     */
    boolean handshake() throws IOException;

    /** Writes what an earlier write left pending; true when nothing is pending any more. */
    boolean flushPending() throws IOException;

    /** Encrypted bytes produced but not yet taken by the socket: the connection still wants OP_WRITE. */
    boolean hasPendingOutput();

    /** Received bytes already decrypted or decryptable without reading the socket again. */
    boolean hasBufferedInput();

    /** Says goodbye (TLS close_notify) if the socket takes it now, and closes the socket. */
    void closeGracefully();
}
