package io.odradek.transport.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * One connection the domain asked for: its channel, its state, and the last handler of its pipeline, which
 * hands Netty's events to the {@link NettyTransport}. Touched by the event loop only.
 */
final class NettyConnection extends ChannelInboundHandlerAdapter {

    private final int id;
    private final String address;
    private final NettyTransport transport;
    private final ResponseFrameDecoder decoder;
    /** With TLS the connection is announced once the handshake is done, not when the socket connects. */
    private final boolean tls;
    /** Frames handed to the channel whose promise has not reported them written, in the order they were sent. */
    private final java.util.ArrayDeque<io.odradek.domain.port.OutboundFrame> unwritten = new java.util.ArrayDeque<>();
    private Channel channel;
    private boolean active;
    /** Whether a whole response arrived: a TLS alert after that is no longer the handshake's. */
    private boolean receivedFrame;
    private boolean closed;
    private boolean flushQueued;

    NettyConnection(int id, String address, NettyTransport transport, int maxResponseSizeBytes, boolean tls) {
        this.tls = tls;
        this.id = id;
        this.address = address;
        this.transport = transport;
        this.decoder = new ResponseFrameDecoder(maxResponseSizeBytes);
    }

    int id() {
        return id;
    }

    String address() {
        return address;
    }

    java.util.ArrayDeque<io.odradek.domain.port.OutboundFrame> unwritten() {
        return unwritten;
    }

    ResponseFrameDecoder decoder() {
        return decoder;
    }

    Channel channel() {
        return channel;
    }

    void channel(Channel channel) {
        this.channel = channel;
    }

    boolean isActive() {
        return active && !closed;
    }

    boolean isClosed() {
        return closed;
    }

    /** Marks the connection closed and closes its channel (unwritten frames are dropped). Idempotent. */
    void close() {
        if (!closed) {
            closed = true;
            unwritten.clear();
            if (channel != null) {
                channel.close();
            }
        }
    }

    /** True the first time after a flush was last done: the caller queues this connection for a flush. */
    boolean markFlushQueued() {
        if (flushQueued) {
            return false;
        }
        flushQueued = true;
        return true;
    }

    void flush() {
        flushQueued = false;
        if (isActive()) {
            channel.flush();
        }
    }

    long pendingWriteBytes() {
        if (closed || channel == null) {
            return 0;
        }
        ChannelOutboundBuffer outbound = channel.unsafe().outboundBuffer();
        return outbound == null ? 0 : outbound.totalPendingWriteBytes();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!tls) {
            active = true;
            transport.connectionActive(this);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                active = true;
                transport.connectionActive(this);
            } else {
                failTls(handshake.cause());
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    private void failTls(Throwable cause) {
        boolean handshake = cause instanceof SSLHandshakeException
                || cause instanceof SSLException && !receivedFrame && String.valueOf(cause.getMessage()).contains("alert");
        transport.failTls(this, cause, handshake);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        try {
            if (!closed) {
                receivedFrame = true;
                transport.response(this, frame.nioBuffer());
            }
        } finally {
            frame.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        transport.readsDone();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            // The socket drained below the low-water mark: a sender holding back frames may go on.
            transport.requestPoll();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable tlsCause = cause instanceof DecoderException && cause.getCause() instanceof SSLException
                ? cause.getCause() : cause;
        if (tlsCause instanceof SSLException) {
            failTls(tlsCause);
        } else if (cause instanceof DecoderException && cause.getCause() instanceof ResponseFrameDecoder.InvalidFrameException) {
            transport.fail(this, "protocol error from " + address + ": " + cause.getCause().getMessage());
        } else {
            transport.fail(this, "connection to " + address + " failed: " + NettyTransport.describe(cause));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        transport.fail(this, decoder.endedMidFrame()
                ? address + " closed the connection in the middle of a response frame"
                : address + " closed the connection");
    }
}
