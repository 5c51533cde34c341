package io.odradek.domain.testkit;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordFuture;
import io.odradek.api.RecordMetadata;
import io.odradek.api.Serializer;
import io.odradek.api.Serializers;
import io.odradek.domain.fake.FakeBroker;
import io.odradek.domain.fake.FakeTransport;
import io.odradek.domain.fake.FakeWireProtocol;
import io.odradek.domain.fake.ManualClock;
import io.odradek.domain.fake.PartitionLog;
import io.odradek.domain.producer.FakeProducers;

/**
 * A whole producer wired to a {@link FakeBroker} through a {@link FakeTransport} on a {@link ManualClock}:
 * the usual setup of a domain test.
 */
public final class ProducerRig implements AutoCloseable {
    public final ManualClock clock = new ManualClock();
    public final FakeBroker broker;
    public final FakeWireProtocol protocol = new FakeWireProtocol();
    public final FakeTransport network;
    public final Producer<String, String> producer;

    private ProducerRig(FakeBroker broker, ProducerConfig config, Serializer<String> valueSerializer, long seed) {
        this.broker = broker;
        this.network = new FakeTransport(clock, broker, protocol);
        this.producer = FakeProducers.create(config, valueSerializer, network, protocol, seed);
    }

    /** A rig with a producer configured by {@code settings} on top of the bootstrap address and a client id. */
    public static ProducerRig start(FakeBroker broker, Consumer<ProducerConfig.Builder> settings) {
        return start(broker, settings, 42L);
    }

    public static ProducerRig start(FakeBroker broker, Consumer<ProducerConfig.Builder> settings, long seed) {
        return start(broker, settings, Serializers.string(), seed);
    }

    /** A rig whose producer serializes values with {@code valueSerializer} (keys as UTF-8 strings). */
    public static ProducerRig start(FakeBroker broker, Consumer<ProducerConfig.Builder> settings,
                                    Serializer<String> valueSerializer, long seed) {
        ProducerConfig.Builder builder = ProducerConfig.builder().bootstrapServers(FakeBroker.bootstrap())
                .clientId("rig");
        settings.accept(builder);
        return new ProducerRig(broker, builder.build(), valueSerializer, seed);
    }

    public RecordFuture send(String topic, String key, String value) {
        return producer.send(new ProducerRecord<>(topic, key, value));
    }

    public RecordFuture send(String topic, int partition, String key, String value) {
        return producer.send(new ProducerRecord<>(topic, partition, key, value));
    }

    /** Sends and drives the network until the record completed; returns its metadata or throws its error. */
    public RecordMetadata sendAndWait(String topic, int partition, String key, String value) {
        RecordFuture future = send(topic, partition, key, value);
        advanceUntil(future::isDone, Duration.ofMillis(5), Duration.ofSeconds(60));
        return future.join();
    }

    public void runUntilIdle() {
        network.runUntilIdle();
    }

    public void advance(Duration duration) {
        network.advance(duration);
    }

    /** Advances in {@code step}s until {@code condition} holds, failing after {@code limit} of simulated time. */
    public void advanceUntil(BooleanSupplier condition, Duration step, Duration limit) {
        long deadlineNs = clock.nanoTime() + limit.toNanos();
        network.runUntilIdle();
        while (!condition.getAsBoolean()) {
            if (clock.nanoTime() >= deadlineNs) {
                throw new AssertionError("condition not met within " + limit + " of simulated time");
            }
            network.advance(step);
        }
    }

    /** The values stored in a partition's log, in offset order. */
    public List<String> values(String topic, int partition) {
        return broker.log(topic, partition).stream().map(PartitionLog.StoredRecord::value).toList();
    }

    /**
     * Runs {@code blocking} (flush, close) on another thread while this thread drives the network, advancing
     * the clock by {@code step} between rounds, until it returns; fails after 10 s of real time.
     */
    public void driveWhile(Runnable blocking, Duration step) {
        Thread thread = new Thread(blocking, "rig-blocking-call");
        thread.setDaemon(true);
        Throwable[] failure = new Throwable[1];
        thread.setUncaughtExceptionHandler((t, e) -> failure[0] = e);
        thread.start();
        long realDeadlineNs = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            while (thread.isAlive()) {
                if (System.nanoTime() > realDeadlineNs) {
                    throw new AssertionError("the blocking call did not return within 10 s of real time");
                }
                network.runUntilIdle();
                if (!step.isZero()) {
                    network.advance(step);
                }
                thread.join(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (failure[0] != null) {
            throw new AssertionError("the blocking call failed", failure[0]);
        }
    }

    @Override
    public void close() {
        if (!network.isClosed()) {
            driveWhile(() -> producer.close(Duration.ofSeconds(30)), Duration.ofMillis(100));
        }
    }
}
