package io.odradek.transport.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.DecoderException;

/**
 * One connection the domain asked for: its channel, its state, and the last handler of its pipeline, which
 * hands Netty's events to the {@link NettyTransport}. Touched by the event loop only.
 */
final class NettyConnection extends ChannelInboundHandlerAdapter {

    private final int id;
    private final String address;
    private final NettyTransport transport;
    private final ResponseFrameDecoder decoder;
    private Channel channel;
    private boolean active;
    private boolean closed;
    private boolean flushQueued;

    NettyConnection(int id, String address, NettyTransport transport, int maxResponseSizeBytes) {
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
        active = true;
        transport.connectionActive(this);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        try {
            if (!closed) {
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
        if (cause instanceof DecoderException && cause.getCause() instanceof ResponseFrameDecoder.InvalidFrameException) {
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
