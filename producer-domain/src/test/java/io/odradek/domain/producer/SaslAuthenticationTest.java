package io.odradek.domain.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.odradek.api.RecordFuture;
import io.odradek.api.SaslAuthenticationException;
import io.odradek.api.security.SecurityProtocol;
import io.odradek.domain.fake.FakeBroker;
import io.odradek.domain.fake.FakeSaslServer;
import io.odradek.domain.testkit.ProducerRig;

/** SASL as a step of every connection, and KIP-368 session renewal, on the fake cluster with a manual clock. */
class SaslAuthenticationTest {
    private static final String PASSWORD = "alice-secret";

    private ProducerRig rig;

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void renewsEachSessionBeforeItEndsAndNeverSendsOnAnExpiredOrHalfAuthenticatedConnection() {
        FakeSaslServer sasl = new FakeSaslServer("alice", PASSWORD, 10_000, () -> rig.clock.nanoTime());
        FakeBroker broker = new FakeBroker(2).createTopic("t", 2).requireSasl(sasl);
        rig = ProducerRig.start(broker, b -> b.securityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .saslPlain("alice", PASSWORD).linger(Duration.ofMillis(5)));
        // Slow answers: when a session is due, requests are still in flight and must be answered first.
        rig.network.delayResponses(0, Duration.ofMillis(300));
        rig.network.delayResponses(1, Duration.ofMillis(300));
        List<RecordFuture> futures = new ArrayList<>();

        for (int i = 0; i < 600; i++) {
            futures.add(rig.send("t", i % 2, "k", "v" + i));
            rig.advance(Duration.ofMillis(100));
        }
        rig.advance(Duration.ofSeconds(2));

        assertThat(futures).allSatisfy(f -> assertThat(f.isDone() && !f.isCompletedExceptionally()).isTrue());
        assertThat(sasl.violations()).isEmpty();
        // 60 s of sessions of 10 s, renewed at 85-95% of their lifetime: at least 6 authentications per leader.
        assertThat(sasl.authentications().values().stream().filter(n -> n >= 6)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(rig.values("t", 0)).hasSize(300);
        assertThat(rig.values("t", 1)).hasSize(300);
    }

    @Test
    void aWrongPasswordFailsPendingAndLaterRecordsWithoutReconnectingAgainAndAgain() {
        FakeSaslServer sasl = new FakeSaslServer("alice", PASSWORD, 0, () -> rig.clock.nanoTime());
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1).requireSasl(sasl);
        rig = ProducerRig.start(broker, b -> b.securityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .saslPlain("alice", "wrong-" + PASSWORD));

        RecordFuture pending = rig.send("t", 0, "k", "v");
        rig.advance(Duration.ofSeconds(5));
        RecordFuture later = rig.send("t", 0, "k", "v2");
        rig.advance(Duration.ofSeconds(5));

        for (RecordFuture future : List.of(pending, later)) {
            assertThat(future.isCompletedExceptionally()).isTrue();
            assertThat(failure(future)).isInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("SASL_AUTHENTICATION_FAILED").hasMessageNotContaining(PASSWORD);
        }
        assertThat(rig.network.connectsAttempted()).isEqualTo(1);
        assertThat(sasl.violations()).isEmpty();
    }

    private static Throwable failure(RecordFuture future) {
        try {
            future.toCompletableFuture().join();
            throw new AssertionError("the record succeeded");
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        }
    }
}
