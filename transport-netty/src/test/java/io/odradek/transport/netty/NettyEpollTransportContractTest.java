package io.odradek.transport.netty;

import io.odradek.domain.port.TransportFactory;
import io.odradek.transport.contract.TransportContractTest;

class NettyEpollTransportContractTest extends TransportContractTest {
    @Override
    protected TransportFactory factory() {
        return new NettyTransportFactory(IoFlavour.EPOLL);
    }
}
