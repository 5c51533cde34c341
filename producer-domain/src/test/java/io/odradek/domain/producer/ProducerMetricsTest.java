package io.odradek.domain.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordFuture;
import io.odradek.api.metrics.Metric;
import io.odradek.api.metrics.MetricsReporter;
import io.odradek.domain.protocol.KafkaError;
import io.odradek.domain.fake.FakeBroker;
import io.odradek.domain.testkit.MetricsReader;
import io.odradek.domain.testkit.ProducerRig;

/**
 * Each metric's value after a scenario whose numbers are known: records of 34 bytes (the fake format's framing of a
 * 6-byte key and an 8-byte value) in batches of 50, a 19-byte batch header, {@code linger.ms=5}, answers 3 ms late.
 */
class ProducerMetricsTest {
    private static final int RECORD_BYTES = 34;
    private static final int BATCH_BYTES = 19 + 50 * RECORD_BYTES;
    private static final Duration STEP = Duration.ofMillis(1);
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private ProducerRig rig;
    private MetricsReader metrics;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void countsRecordsBatchesAndRequestsOfTwoBatchesInOneRequest() {
        FakeBroker broker = new FakeBroker(1).createTopic("orders", 2);
        start(broker, b -> b.linger(Duration.ofMillis(5)));
        warmUp();
        rig.network.delayResponses(0, Duration.ofMillis(3));

        sendAndAwait(sendBatches("orders", 2));

        assertThat(metrics.producer("record-send-total")).isEqualTo(100.0);
        assertThat(metrics.topic("orders", "record-send-total")).isEqualTo(100.0);
        assertThat(metrics.producer("records-per-request-avg")).isEqualTo(100.0);
        assertThat(metrics.producer("batch-size-avg")).isEqualTo(BATCH_BYTES);
        assertThat(metrics.producer("batch-size-max")).isEqualTo(BATCH_BYTES);
        assertThat(metrics.topic("orders", "byte-total")).isEqualTo(2.0 * BATCH_BYTES);
        assertThat(metrics.producer("record-size-max")).isEqualTo(RECORD_BYTES);
        assertThat(metrics.producer("record-size-avg")).isEqualTo(RECORD_BYTES);
        assertThat(metrics.producer("compression-rate-avg")).isEqualTo(1.0);
        assertThat(metrics.topic("orders", "compression-rate")).isEqualTo(1.0);
        // Both batches were created at the send and drained when linger.ms ran out.
        assertThat(metrics.producer("record-queue-time-avg")).isEqualTo(5.0);
        assertThat(metrics.producer("record-queue-time-max")).isEqualTo(5.0);
        assertThat(metrics.producer("request-latency-max")).isEqualTo(3.0);
        assertThat(metrics.node(0, "request-latency-max")).isEqualTo(3.0);
        assertThat(metrics.producer("produce-throttle-time-max")).isEqualTo(0.0);
        assertThat(metrics.producer("record-error-total")).isZero();
        assertThat(metrics.producer("record-retry-total")).isZero();
        assertThat(metrics.producer("batch-split-total")).isZero();
    }

    @Test
    void computesRatesAsKafkaDoesOverTheSampledWindowAndForgetsOldSamples() {
        FakeBroker broker = new FakeBroker(1).createTopic("orders", 2);
        start(broker, b -> b.linger(Duration.ofMillis(5)).set("metrics.sample.window.ms", "1000"));
        warmUp();
        rig.network.delayResponses(0, Duration.ofMillis(3));

        sendAndAwait(sendBatches("orders", 2));

        // 100 records recorded 3 ms ago into a fresh sample: Kafka's Rate counts at least all windows but one as
        // elapsed, so the rate is 100 / (0.003 + 1 x 1.000) s.
        assertThat(metrics.producer("record-send-rate")).isCloseTo(100 / 1.003, within(1e-9));
        rig.advance(Duration.ofSeconds(3));
        assertThat(metrics.producer("record-send-rate")).isZero();
        assertThat(metrics.producer("record-queue-time-avg")).isNaN();
        assertThat(metrics.producer("record-send-total")).as("totals never forget").isEqualTo(100.0);
    }

    @Test
    void countsRequestsBytesAndConnectionsAsTheTransportSawThem() {
        FakeBroker broker = new FakeBroker(1).createTopic("orders", 2);
        start(broker, b -> b.linger(Duration.ofMillis(5)));
        warmUp();

        sendAndAwait(sendBatches("orders", 2));

        assertThat(metrics.producer("request-total")).isEqualTo(rig.network.framesSent());
        assertThat(metrics.producer("outgoing-byte-total")).isEqualTo(rig.network.bytesSent());
        assertThat(metrics.producer("response-total")).isEqualTo(rig.network.responsesDelivered());
        assertThat(metrics.producer("incoming-byte-total")).isEqualTo(rig.network.bytesDelivered());
        assertThat(metrics.producer("requests-in-flight")).isZero();
        assertThat(metrics.node(0, "request-total") + metrics.node(-1, "request-total"))
                .as("the bootstrap connection (node--1) and the one to node 0 carried every request")
                .isEqualTo(metrics.producer("request-total"));
        assertThat(metrics.producer("connection-creation-total")).isEqualTo(2.0);
        assertThat(metrics.producer("connection-count")).isEqualTo(2.0);

        rig.network.disconnectNode(0);
        rig.runUntilIdle();
        assertThat(metrics.producer("connection-close-total")).isEqualTo(2.0);
        assertThat(metrics.producer("connection-count")).isZero();
    }

    @Test
    void reportsBufferMemoryMetadataAgeAndTimeSpentInBlockingCalls() {
        FakeBroker broker = new FakeBroker(1).createTopic("orders", 2);
        // linger.ms of an hour: only the flush sends the record, so the flush surely waits for its 3 ms answer.
        start(broker, b -> b.linger(Duration.ofHours(1)).bufferMemoryBytes(1 << 20));
        assertThat(metrics.producer("metadata-age")).as("no metadata yet").isNaN();
        rig.network.delayResponses(0, Duration.ofMillis(3));
        long beforeNs = rig.clock.nanoTime();
        warmUp();

        // partitionsFor runs on another thread while this one moves the manual clock, so how much of the 6 ms
        // (ApiVersions and Metadata, 3 ms each) it saw depends on when that thread started.
        assertThat(metrics.producer("metadata-wait-time-ns-total")).as("partitionsFor waited")
                .isPositive().isLessThanOrEqualTo(rig.clock.nanoTime() - beforeNs);
        assertThat(metrics.producer("buffer-total-bytes")).isEqualTo(1 << 20);
        rig.send("orders", 0, "key-00", "value-00");
        assertThat(metrics.producer("buffer-available-bytes")).as("one batch buffer taken")
                .isEqualTo((1 << 20) - 16384);
        rig.driveWhile(rig.producer::flush, STEP);
        assertThat(metrics.producer("flush-time-ns-total")).as("flush waited for the 3 ms answer")
                .isGreaterThanOrEqualTo(3_000_000.0);
        assertThat(metrics.producer("buffer-available-bytes")).isEqualTo(1 << 20);
        assertThat(metrics.producer("waiting-threads")).isZero();
        assertThat(metrics.producer("bufferpool-wait-time-ns-total")).isZero();
        assertThat(metrics.producer("metadata-age")).isBetween(0.0, 1.0);
    }

    @Test
    void measuresThreadsWaitingForBufferMemoryAndRecordsThatGaveUp() throws InterruptedException {
        FakeBroker broker = new FakeBroker(1).createTopic("orders", 2);
        start(broker, b -> b.linger(Duration.ofHours(1)).bufferMemoryBytes(16384).batchSizeBytes(16384)
                .maxBlock(Duration.ofMillis(200)));
        warmUp();
        rig.send("orders", 0, "key-00", "value-00");
        Thread blocked = new Thread(() -> rig.send("orders", 1, "key-01", "value-01"), "waits-for-memory");
        blocked.start();
        long deadlineNs = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (metrics.producer("waiting-threads") < 1) {
            assertThat(System.nanoTime()).as("the second send blocks for memory").isLessThan(deadlineNs);
            Thread.onSpinWait();
        }

        rig.clock.advance(Duration.ofMillis(7));
        rig.runUntilIdle();
        blocked.join(10_000);

        assertThat(blocked.isAlive()).isFalse();
        assertThat(metrics.producer("waiting-threads")).isZero();
        assertThat(metrics.producer("bufferpool-wait-time-ns-total")).isEqualTo(7_000_000.0);
        assertThat(metrics.producer("buffer-exhausted-total")).isZero();
        RecordFuture gaveUp = rig.send("orders", 0, "key-02", "value-02");
        assertThat(gaveUp.isDone()).as("no memory within max.block.ms").isTrue();
        assertThat(metrics.producer("buffer-exhausted-total")).isEqualTo(1.0);
        assertThat(metrics.producer("record-error-total")).isEqualTo(1.0);
    }

    @Test
    void countsRetriesPerAttemptAndErrorsPerRecordOverallAndPerTopic() {
        FakeBroker broker = new FakeBroker(1).createTopic("orders", 2);
        start(broker, b -> b.linger(Duration.ofMillis(5)).retryBackoff(Duration.ofMillis(10)));
        warmUp();
        broker.failNextProduce("orders", 0, KafkaError.NOT_LEADER_OR_FOLLOWER, 1);
        broker.failNextProduce("orders", 1, KafkaError.INVALID_RECORD, 1);

        List<RecordFuture> futures = sendBatches("orders", 2);
        sendAndAwait(futures);
        RecordFuture tooLarge = rig.send("orders", 0, "k", "v".repeat(2_000_000));

        assertThat(metrics.producer("record-retry-total")).isEqualTo(50.0);
        assertThat(metrics.topic("orders", "record-retry-total")).isEqualTo(50.0);
        assertThat(metrics.topic("orders", "record-error-total")).isEqualTo(50.0);
        assertThat(tooLarge.isDone()).isTrue();
        assertThat(metrics.producer("record-error-total")).as("50 refused by the broker, 1 too large to send")
                .isEqualTo(51.0);
        // As in Kafka's producer, a retried batch's records count as sent again.
        assertThat(metrics.producer("record-send-total")).isEqualTo(150.0);
    }

    @Test
    void breaksEachRecordsLatencyIntoAccumulatorConnectionWaitAndInFlight() {
        FakeBroker broker = new FakeBroker(1).createTopic("orders", 2);
        start(broker, b -> b.linger(Duration.ofMillis(5)));
        warmUp();
        rig.network.delayResponses(0, Duration.ofMillis(3));

        sendAndAwait(sendBatches("orders", 2));

        assertThat(metrics.latency("accumulator-time-ms-avg")).isEqualTo(5.0);
        assertThat(metrics.latency("accumulator-time-ms-p50")).isBetween(5.0, 5.0 * 1.19);
        assertThat(metrics.latency("connection-wait-time-ms-max")).isZero();
        assertThat(metrics.latency("in-flight-time-ms-avg")).isEqualTo(3.0);
        assertThat(metrics.latency("in-flight-time-ms-p99")).isBetween(3.0, 3.0 * 1.19);
        assertThat(metrics.latency("metadata-wait-time-ms-max")).as("no record waited for metadata").isNaN();
    }

    @Test
    void measuresHowLongRecordsWaitedForMetadataAndForARequestSlot() {
        FakeBroker broker = new FakeBroker(1).createTopic("orders", 1);
        // One request at a time: the second batch waits for the first one's answer, 20 ms.
        start(broker, b -> b.linger(Duration.ZERO).maxInFlightRequestsPerConnection(1).idempotence(false));
        rig.network.delayResponses(0, Duration.ofMillis(20));

        RecordFuture first = rig.send("orders", 0, "key-00", "value-00");
        rig.advanceUntil(first::isDone, STEP, LIMIT);
        RecordFuture second = rig.send("orders", 0, "key-01", "value-01");
        rig.runUntilIdle();
        RecordFuture third = rig.send("orders", 0, "key-02", "value-02");
        rig.advanceUntil(third::isDone, STEP, LIMIT);

        assertThat(second.isDone()).isTrue();
        // ApiVersions and Metadata each took 20 ms before the first record's topic was known.
        assertThat(metrics.latency("metadata-wait-time-ms-max")).isEqualTo(40.0);
        assertThat(metrics.latency("connection-wait-time-ms-max")).as("the third waited for the second's answer")
                .isEqualTo(20.0);
        assertThat(metrics.latency("in-flight-time-ms-max")).isEqualTo(20.0);
    }

    @Test
    void mutesTheConnectionForTheThrottleTimeTheBrokerAnswersWith() {
        FakeBroker broker = new FakeBroker(1).createTopic("orders", 1);
        start(broker, b -> b.linger(Duration.ZERO));
        warmUp();
        broker.throttleProduce(100);
        RecordFuture throttled = rig.send("orders", 0, "key-00", "value-00");
        rig.advanceUntil(throttled::isDone, STEP, LIMIT);
        long answeredNs = rig.clock.nanoTime();
        broker.throttleProduce(0);

        RecordFuture held = rig.send("orders", 0, "key-01", "value-01");
        rig.advance(Duration.ofMillis(99));
        assertThat(broker.produceAttempts()).as("nothing goes to the node while it throttles us").hasSize(1);
        assertThat(held.isDone()).isFalse();
        rig.advanceUntil(held::isDone, STEP, LIMIT);

        assertThat(broker.produceAttempts()).hasSize(2);
        assertThat(rig.clock.nanoTime() - answeredNs).as("sent the moment the throttle ended")
                .isEqualTo(Duration.ofMillis(100).toNanos());
        assertThat(metrics.producer("produce-throttle-time-max")).isEqualTo(100.0);
        assertThat(metrics.producer("produce-throttle-time-avg")).isEqualTo(50.0);
        assertThat(metrics.latency("connection-wait-time-ms-max")).isEqualTo(100.0);
    }

    @Test
    void tellsConfiguredReportersOfEveryMetricAndClosesThemWithTheProducer() {
        FakeBroker broker = new FakeBroker(1).createTopic("orders", 1);
        CountingReporter reporter = new CountingReporter();
        // No JMX: the domain's tests run without the odradek-jmx module, and asking for it there is refused.
        start(broker, b -> b.set("metric.reporters", "").metricReporter(reporter));
        assertThat(reporter.names()).contains("producer-metrics:record-send-rate")
                .doesNotContain("producer-topic-metrics:record-send-rate");

        RecordFuture sent = rig.send("orders", 0, "key-00", "value-00");
        rig.advanceUntil(sent::isDone, STEP, LIMIT);

        assertThat(reporter.names()).contains("producer-topic-metrics:record-send-rate",
                "producer-node-metrics:request-latency-avg");
        assertThat(reporter.names()).hasSameSizeAs(rig.producer.metrics().keySet());
        rig.close();
        rig = null;
        assertThat(reporter.closed).isTrue();
    }

    private void start(FakeBroker broker, Consumer<ProducerConfig.Builder> settings) {
        rig = ProducerRig.start(broker, settings);
        metrics = new MetricsReader(rig.producer, "rig");
    }

    /** Metadata known, producer id fetched, connections open: what follows measures sending alone. */
    private void warmUp() {
        rig.driveWhile(() -> rig.producer.partitionsFor("orders"), STEP);
        rig.advance(Duration.ofMillis(10));
    }

    /** 50 records of 34 bytes to each partition, sent at one instant. */
    private List<RecordFuture> sendBatches(String topic, int partitions) {
        List<RecordFuture> futures = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            for (int i = 0; i < 50; i++) {
                String n = String.format("%02d", i);
                futures.add(rig.producer.send(new ProducerRecord<>(topic, p, "key-" + n, "value-" + n)));
            }
        }
        return futures;
    }

    private void sendAndAwait(List<RecordFuture> futures) {
        rig.advanceUntil(() -> futures.stream().allMatch(RecordFuture::isDone), STEP, LIMIT);
    }

    /** Keeps the names it was told of, as {@code group:name}. */
    private static final class CountingReporter implements MetricsReporter {
        private final List<String> names = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        @Override
        public void init(List<Metric> metrics) {
            metrics.forEach(this::metricChange);
        }

        @Override
        public void metricChange(Metric metric) {
            names.add(metric.metricName().group() + ":" + metric.metricName().name());
        }

        @Override
        public void metricRemoval(Metric metric) {
            names.remove(metric.metricName().group() + ":" + metric.metricName().name());
        }

        @Override
        public void close() {
            closed = true;
        }

        List<String> names() {
            return names;
        }
    }
}
