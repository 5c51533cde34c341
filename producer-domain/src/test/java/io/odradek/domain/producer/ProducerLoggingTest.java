package io.odradek.domain.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import io.odradek.api.ProducerConfig;
import io.odradek.api.RecordFuture;
import io.odradek.domain.fake.FakeBroker;
import io.odradek.domain.testkit.ProducerRig;
import io.odradek.domain.testkit.logging.CapturedLogs;
import io.odradek.domain.testkit.logging.CapturedLogs.Line;

/**
 * What an operator reads: the effective configuration once at INFO with secrets hidden, every line naming its
 * producer, one WARN per real problem rather than one per record or attempt, and nothing at INFO in steady state.
 */
class ProducerLoggingTest {
    private static final Duration STEP = Duration.ofMillis(10);
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private ProducerRig rig;
    private int mark;

    @BeforeEach
    void markLogs() {
        mark = CapturedLogs.mark();
    }

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
        assertThat(producerLines()).as("every line the producer logged names it")
                .allSatisfy(line -> assertThat(line.message()).startsWith("[Producer clientId=rig"));
    }

    @Test
    void logsTheEffectiveConfigurationOnceAtInfoWithSecretsHidden() {
        start(new FakeBroker(1).createTopic("t", 1), b -> b.set("my.sink.password", "hunter2")
                .set("my.sink.jaas.settings", "user=u password=p"));

        List<Line> configLines = producerLines(Level.INFO, "ProducerConfig values");
        assertThat(configLines).hasSize(1);
        assertThat(configLines.get(0).message())
                .startsWith("[Producer clientId=rig] Created an idempotent producer; ProducerConfig values:")
                .contains("linger.ms = 5", "my.sink.password = [hidden]", "my.sink.jaas.settings = [hidden]");
        assertThat(CapturedLogs.since(mark, line -> true)).noneSatisfy(line ->
                assertThat(line.message()).contains("hunter2"));
    }

    @Test
    void namesTheTransactionalIdTooOnATransactionalProducersLines() {
        start(new FakeBroker(1).createTopic("t", 1), b -> b.transactionalId("payments-1"));

        assertThat(producerLines(Level.INFO, "ProducerConfig values")).singleElement()
                .satisfies(line -> assertThat(line.message())
                        .startsWith("[Producer clientId=rig, transactionalId=payments-1] Created a transactional"));
    }

    @Test
    void staysQuietAtInfoWhileSendingNormally() {
        start(new FakeBroker(3).createTopic("t", 6), b -> b.linger(Duration.ofMillis(5)));
        int afterCreation = CapturedLogs.mark();
        List<RecordFuture> futures = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            futures.add(rig.send("t", "k" + i, "v" + i));
        }
        rig.advanceUntil(() -> futures.stream().allMatch(RecordFuture::isDone), STEP, LIMIT);
        rig.driveWhile(rig.producer::flush, STEP);

        assertThat(futures).allSatisfy(future -> assertThat(future.isCompletedExceptionally()).isFalse());
        assertThat(CapturedLogs.since(afterCreation, line -> line.logger().startsWith("io.odradek"))).isEmpty();
    }

    @Test
    void warnsOnceWhileABrokerStaysUnreachableAndSaysWhenItIsBack() {
        FakeBroker broker = new FakeBroker(2).createTopic("t", 2);
        start(broker, b -> b.linger(Duration.ZERO));
        rig.sendAndWait("t", 1, "k", "before");
        broker.setDown(1, true);
        rig.network.disconnectNode(1);
        RecordFuture waiting = rig.send("t", 1, "k", "while down");
        rig.advance(Duration.ofSeconds(10));
        assertThat(rig.network.connectsAttempted()).as("it kept trying").isGreaterThan(5);
        assertThat(waiting.isDone()).isFalse();

        broker.setDown(1, false);
        rig.advanceUntil(waiting::isDone, STEP, LIMIT);

        List<Line> warnings = producerLines(Level.WARN, "");
        assertThat(warnings).singleElement().satisfies(line -> assertThat(line.message())
                .contains("Broker", "node-1", "is unreachable", "cannot connect"));
        assertThat(producerLines(Level.INFO, "is reachable again")).singleElement()
                .satisfies(line -> assertThat(line.message()).contains("node-1"));
        assertThat(waiting.join().offset()).isOne();
    }

    @Test
    void warnsOnceForABurstOfExpiredBatchesNotOncePerBatch() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 10);
        start(broker, b -> b.linger(Duration.ZERO).requestTimeout(Duration.ofMillis(500))
                .deliveryTimeout(Duration.ofSeconds(1)));
        rig.sendAndWait("t", 0, "k", "before");
        broker.setDown(0, true);
        rig.network.disconnectNode(0);
        List<RecordFuture> expiring = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            expiring.add(rig.send("t", p, "k", "v" + p));
        }
        rig.advanceUntil(() -> expiring.stream().allMatch(RecordFuture::isDone), STEP, LIMIT);

        assertThat(expiring).allSatisfy(future -> assertThat(future.isCompletedExceptionally()).isTrue());
        assertThat(producerLines(Level.WARN, "Records expired")).singleElement()
                .satisfies(line -> assertThat(line.message()).contains("delivery.timeout.ms=1000"));
    }

    @Test
    void warnsWhenTheEpochIsBumped() {
        FakeBroker broker = new FakeBroker(2).createTopic("t", 2);
        start(broker, b -> b.linger(Duration.ZERO));
        rig.sendAndWait("t", 1, "k", "a1");
        broker.forgetProducers("t", 1);
        rig.sendAndWait("t", 1, "k", "b1");

        assertThat(producerLines(Level.WARN, "Bumped the producer epoch")).singleElement()
                .satisfies(line -> assertThat(line.message()).contains("t-1"));
    }

    private void start(FakeBroker broker, Consumer<ProducerConfig.Builder> settings) {
        rig = ProducerRig.start(broker, settings);
    }

    private List<Line> producerLines() {
        return CapturedLogs.since(mark, line -> line.logger().startsWith("io.odradek.domain"));
    }

    private List<Line> producerLines(Level level, String containing) {
        return CapturedLogs.since(mark, line -> line.logger().startsWith("io.odradek.domain") && line.level() == level
                && line.message().contains(containing));
    }
}
