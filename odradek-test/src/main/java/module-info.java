/**
 * The test kit for applications that use Odradek: {@link io.odradek.test.MockProducer}, which needs only the API,
 * and {@link io.odradek.test.FakeKafkaCluster}, the real producer against an in-memory cluster (the domain's
 * {@code io.odradek.domain.fake}, exported to this module alone).
 */
module io.odradek.test {
    requires transitive io.odradek.api;
    requires io.odradek.domain;

    exports io.odradek.test;
}
