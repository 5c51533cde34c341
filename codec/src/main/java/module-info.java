/**
 * Kafka's wire protocol behind the domain's {@code WireProtocol} port. Exports nothing: the domain finds it
 * with {@code ServiceLoader}.
 */
module io.odradek.codec {
    requires io.odradek.domain;

    provides io.odradek.domain.port.WireProtocol with io.odradek.codec.KafkaWireProtocol;
}
