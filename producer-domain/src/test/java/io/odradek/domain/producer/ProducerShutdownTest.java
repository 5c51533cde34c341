package io.odradek.domain.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.odradek.api.RecordFuture;
import io.odradek.api.ProducerClosedException;
import io.odradek.api.RecordMetadata;
import io.odradek.domain.fake.FakeBroker;
import io.odradek.domain.testkit.Futures;
import io.odradek.domain.testkit.ProducerRig;

/**
 * flush() and close() block the caller, so these tests call them on a second thread while the test thread
 * drives the fake network ({@link ProducerRig#driveWhile}).
 */
class ProducerShutdownTest {

    @Test
    void flushSendsEverythingBufferedNow() {
        FakeBroker broker = new FakeBroker(2).createTopic("t", 2);
        try (ProducerRig rig = ProducerRig.start(broker, b -> b.linger(Duration.ofHours(1)))) {
            List<RecordFuture> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(rig.send("t", i % 2, "k", "v" + i));
            }
            rig.advance(Duration.ofSeconds(1));
            assertThat(futures).noneMatch(RecordFuture::isDone);

            rig.driveWhile(rig.producer::flush, Duration.ZERO);

            assertThat(futures).allSatisfy(f -> assertThat(f.toCompletableFuture()).isCompleted());
            assertThat(rig.values("t", 0)).containsExactly("v0", "v2", "v4");
            assertThat(rig.values("t", 1)).containsExactly("v1", "v3", "v5");
        }
    }

    @Test
    void closeWithTimeoutFailsWhatIsLeft() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        try (ProducerRig rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO)
                .requestTimeout(Duration.ofSeconds(30)))) {
            rig.sendAndWait("t", 0, "k", "delivered");
            rig.network.dropNextResponses(0, 1);
            RecordFuture stuck = rig.send("t", 0, "k", "stuck");
            rig.runUntilIdle();

            rig.driveWhile(() -> rig.producer.close(Duration.ofMillis(500)), Duration.ofMillis(50));

            assertThat(Futures.errorOf(stuck)).isInstanceOf(ProducerClosedException.class);
            assertThat(rig.network.isClosed()).isTrue();
        }
    }
}
