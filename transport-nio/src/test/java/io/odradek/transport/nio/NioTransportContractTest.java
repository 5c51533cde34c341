package io.odradek.transport.nio;

import io.odradek.domain.port.TransportFactory;
import io.odradek.transport.contract.TransportContractTest;

class NioTransportContractTest extends TransportContractTest {
    @Override
    protected TransportFactory factory() {
        return new NioTransportFactory();
    }
}
