/**
 * The Netty transport (native epoll where available). Exports nothing: the domain finds it with
 * {@code ServiceLoader}.
 */
module io.odradek.transport.netty {
    requires io.odradek.domain;
    requires org.slf4j;
    requires io.netty.common;
    requires io.netty.buffer;
    requires io.netty.transport;
    requires io.netty.codec;
    requires io.netty.handler;
    requires io.netty.transport.classes.epoll;

    provides io.odradek.domain.port.TransportFactory with io.odradek.transport.netty.NettyTransportFactory;
}
