package io.odradek.transport.nio;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * TLS over a non-blocking socket with the JDK's {@link SSLEngine}: the handshake, then records wrapped straight
 * from the frame's buffers (batches are encrypted where they lie, no copy first) into one direct buffer that
 * holds several records, so one socket write carries many of them; and records read in bulk and unwrapped
 * straight into the frame reader's buffer when it has room for a whole record. Buffers grow when the session's
 * sizes do. I/O thread only.
 */
final class TlsIo implements ConnectionIo {
    /** Records per socket write and read: fewer system calls than one record (16 KiB) at a time. */
    private static final int RECORDS_PER_BUFFER = 4;
    private static final int TLS_RECORD_HEADER_BYTES = 5;
    private static final ByteBuffer[] NOTHING = {ByteBuffer.allocate(0)};

    private final SocketChannel channel;
    private final SSLEngine engine;
    /** Encrypted, not yet written: bytes [0, position). */
    private ByteBuffer netOut;
    /** Received, not yet decrypted: bytes [0, position). */
    private ByteBuffer netIn;
    /** Decrypted, not yet handed out: bytes [position, limit). */
    private ByteBuffer appIn;
    private boolean handshakeStarted;
    private boolean handshakeDone;

    TlsIo(SocketChannel channel, SSLEngine engine) {
        this.channel = channel;
        this.engine = engine;
        int packetBytes = engine.getSession().getPacketBufferSize();
        this.netOut = ByteBuffer.allocateDirect(RECORDS_PER_BUFFER * packetBytes);
        this.netIn = ByteBuffer.allocateDirect(RECORDS_PER_BUFFER * packetBytes);
        this.appIn = ByteBuffer.allocateDirect(engine.getSession().getApplicationBufferSize()).limit(0);
    }

    @Override
    public boolean handshake() throws IOException {
        if (handshakeDone) {
            return true;
        }
        if (!handshakeStarted) {
            engine.beginHandshake();
            handshakeStarted = true;
        }
        while (true) {
            if (!flushPending()) {
                return false;
            }
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK -> runDelegatedTasks();
                case NEED_WRAP -> wrap(NOTHING, 0, 1);
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    if (unwrapIntoAppIn().getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                        int read = channel.read(netIn);
                        if (read < 0) {
                            throw new EOFException("the peer closed the connection during the TLS handshake");
                        }
                        if (read == 0) {
                            return false;
                        }
                    }
                }
                default -> {
                    handshakeDone = true;
                    return flushPending();
                }
            }
        }
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        if (!flushPending()) {
            return 0;
        }
        long consumed = 0;
        int packetBytes = engine.getSession().getPacketBufferSize();
        while (hasRemaining(srcs, offset, length)) {
            if (netOut.remaining() < packetBytes && !flushPending()) {
                break;
            }
            consumed += wrap(srcs, offset, length).bytesConsumed();
        }
        flushPending();
        return consumed;
    }

    @Override
    public long write(ByteBuffer[] srcs) throws IOException {
        return write(srcs, 0, srcs.length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return (int) write(new ByteBuffer[] {src}, 0, 1);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int produced = drainAppIn(dst);
        boolean readSocket = false;
        while (dst.hasRemaining()) {
            if (hasCompleteRecord()) {
                SSLEngineResult result;
                if (dst.remaining() >= engine.getSession().getApplicationBufferSize()) {
                    netIn.flip();
                    try {
                        result = engine.unwrap(netIn, dst);
                    } finally {
                        netIn.compact();
                    }
                    produced += result.bytesProduced();
                } else {
                    result = unwrapIntoAppIn();
                    produced += drainAppIn(dst);
                }
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    return produced > 0 ? produced : -1; // the peer's close_notify
                }
                afterUnwrap();
                continue;
            }
            if (readSocket) {
                break;
            }
            readSocket = true;
            if (!netIn.hasRemaining()) {
                netIn = growFilled(netIn, netIn.capacity() * 2);
            }
            if (channel.read(netIn) < 0) {
                return produced > 0 ? produced : -1;
            }
        }
        return produced;
    }

    @Override
    public boolean flushPending() throws IOException {
        if (netOut.position() == 0) {
            return true;
        }
        netOut.flip();
        try {
            channel.write(netOut);
            return !netOut.hasRemaining();
        } finally {
            netOut.compact();
        }
    }

    @Override
    public boolean hasPendingOutput() {
        return netOut.position() > 0;
    }

    @Override
    public boolean hasBufferedInput() {
        return appIn.hasRemaining() || hasCompleteRecord();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public void closeGracefully() {
        try {
            engine.closeOutbound();
            if (handshakeDone) {
                wrap(NOTHING, 0, 1);
                flushPending();
            }
        } catch (IOException | RuntimeException ignored) {
            // A goodbye that cannot be said is not worth more than closing.
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a broken socket can fail; there is nothing left to release.
        }
    }

    private SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length) throws IOException {
        while (true) {
            SSLEngineResult result = engine.wrap(srcs, offset, length, netOut);
            switch (result.getStatus()) {
                case OK -> {
                    if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                        runDelegatedTasks();
                    }
                    return result;
                }
                case BUFFER_OVERFLOW -> {
                    if (netOut.position() > 0) {
                        return result; // room comes from flushing what is there
                    }
                    netOut = growFilled(netOut, Math.max(netOut.capacity() * 2, engine.getSession().getPacketBufferSize()));
                }
                case CLOSED -> throw new SSLException("the TLS session is closed");
                default -> throw new SSLException("unexpected TLS wrap status " + result.getStatus());
            }
        }
    }

    /** Decrypts the next record into {@link #appIn}, growing it or {@link #netIn} when the session needs. */
    private SSLEngineResult unwrapIntoAppIn() throws SSLException {
        while (true) {
            appIn.compact();
            netIn.flip();
            SSLEngineResult result;
            try {
                result = engine.unwrap(netIn, appIn);
            } finally {
                netIn.compact();
                appIn.flip();
            }
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                appIn = growReadable(appIn, appIn.capacity() + engine.getSession().getApplicationBufferSize());
                continue;
            }
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW
                    && netIn.capacity() < engine.getSession().getPacketBufferSize()) {
                netIn = growFilled(netIn, engine.getSession().getPacketBufferSize());
            }
            if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                runDelegatedTasks();
            }
            return result;
        }
    }

    /** After the handshake a record may ask for an answer (a TLS 1.3 key update): send it along. */
    private void afterUnwrap() throws IOException {
        SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
        if (status == SSLEngineResult.HandshakeStatus.NEED_TASK) {
            runDelegatedTasks();
            status = engine.getHandshakeStatus();
        }
        if (status == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
            wrap(NOTHING, 0, 1);
            flushPending();
        }
    }

    private boolean hasCompleteRecord() {
        if (netIn.position() < TLS_RECORD_HEADER_BYTES) {
            return false;
        }
        int length = ((netIn.get(3) & 0xff) << 8) | (netIn.get(4) & 0xff);
        return netIn.position() >= TLS_RECORD_HEADER_BYTES + length;
    }

    private int drainAppIn(ByteBuffer dst) {
        int count = Math.min(appIn.remaining(), dst.remaining());
        if (count > 0) {
            int limit = appIn.limit();
            appIn.limit(appIn.position() + count);
            dst.put(appIn);
            appIn.limit(limit);
        }
        return count;
    }

    /** The engine's certificate checks and key computations, run here: the I/O thread has nothing else to do. */
    private void runDelegatedTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** A bigger buffer holding the same bytes [0, position), in fill mode (netIn, netOut). */
    private static ByteBuffer growFilled(ByteBuffer buffer, int capacity) {
        ByteBuffer bigger = ByteBuffer.allocateDirect(capacity);
        ByteBuffer data = buffer.duplicate();
        data.flip();
        return bigger.put(data);
    }

    /** A bigger buffer holding the same bytes [position, limit), in read mode (appIn). */
    private static ByteBuffer growReadable(ByteBuffer buffer, int capacity) {
        ByteBuffer bigger = ByteBuffer.allocateDirect(capacity);
        bigger.put(buffer.duplicate());
        return bigger.flip();
    }

    private static boolean hasRemaining(ByteBuffer[] buffers, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (buffers[i].hasRemaining()) {
                return true;
            }
        }
        return false;
    }
}
