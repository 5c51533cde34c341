/**
 * The {@code java.nio} selector transport. Exports nothing: the domain finds it with {@code ServiceLoader}.
 * An application {@code requires io.odradek.transport.nio} to have it on its module path (its codec and
 * compression come along as runtime dependencies).
 */
module io.odradek.transport.nio {
    requires io.odradek.domain;
    requires org.slf4j;

    provides io.odradek.domain.port.TransportFactory with io.odradek.transport.nio.NioTransportFactory;
}
