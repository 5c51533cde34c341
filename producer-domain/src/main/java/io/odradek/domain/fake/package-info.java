/**
 * An in-memory Kafka cluster for tests: a broker that answers the producer's requests as values
 * ({@link io.odradek.domain.fake.FakeBroker}), a transport with no sockets and no thread that the test drives
 * ({@link io.odradek.domain.fake.FakeTransport}) on a {@link io.odradek.domain.fake.ManualClock}, and a value-passing
 * wire protocol and record batch layout that stand in for the codec.
 *
 * <p>It lives in the domain's main sources, not its tests, so that the domain's own tests and the user-facing
 * test kit ({@code io.odradek.test.FakeKafkaCluster}) share one fake: the test kit depends on the domain, so the
 * domain's tests cannot depend on it. Exported only to {@code io.odradek.test}; not an API of its own.
 */
package io.odradek.domain.fake;
