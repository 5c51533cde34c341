/**
 * The producer's logic and the ports it needs. Applications never name this module: {@code io.odradek.api}
 * finds its {@code ProducerFactory} with {@code ServiceLoader}. Adapters (codec, compression, transports)
 * implement the ports of {@code io.odradek.domain.port}, speaking the message types of
 * {@code io.odradek.domain.protocol}; everything else here (accumulator, sender, idempotence, metadata,
 * partitioning) is internal and not exported; {@code io.odradek.domain.fake}, the in-memory cluster, is exported
 * to the test kit only.
 */
// "module": the test kit, which the fake cluster is exported to, depends on this module and is not built before it.
@SuppressWarnings("module")
module io.odradek.domain {
    requires transitive io.odradek.api;
    requires org.slf4j;

    exports io.odradek.domain.port;
    exports io.odradek.domain.protocol;
    exports io.odradek.domain.assembly;
    // The in-memory cluster behind the test kit's FakeKafkaCluster; no one else's to use.
    exports io.odradek.domain.fake to io.odradek.test;

    uses io.odradek.domain.port.TransportFactory;
    uses io.odradek.domain.port.WireProtocol;
    uses io.odradek.domain.port.CompressionCodec;
    uses io.odradek.api.metrics.MetricsReporter;

    provides io.odradek.api.spi.ProducerFactory with io.odradek.domain.producer.DomainProducerFactory;
}
