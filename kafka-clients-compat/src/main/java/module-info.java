/**
 * Kafka's {@code Producer} interface over Odradek: {@link io.odradek.kafka.OdradekKafkaProducer}. Requires
 * kafka-clients (as the automatic module {@code kafka.clients}) for the types it adapts to; add a transport
 * ({@code io.odradek.transport.nio} or {@code io.odradek.transport.netty}) to run.
 */
module io.odradek.kafka {
    requires transitive kafka.clients;
    requires transitive io.odradek.api;

    exports io.odradek.kafka;
}
