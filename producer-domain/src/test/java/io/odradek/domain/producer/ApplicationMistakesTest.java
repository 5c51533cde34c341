package io.odradek.domain.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.odradek.api.Partitioner;
import io.odradek.api.PartitionerException;
import io.odradek.api.Persistence;
import io.odradek.api.ProducerClosedException;
import io.odradek.api.ProducerInterceptor;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordFuture;
import io.odradek.api.RecordMetadata;
import io.odradek.api.SerializationException;
import io.odradek.api.Serializer;
import io.odradek.api.TimeoutException;
import io.odradek.domain.fake.FakeBroker;
import io.odradek.domain.testkit.Futures;
import io.odradek.domain.testkit.ProducerRig;

/**
 * The application's own mistakes get a clear, documented answer, and no other record is affected: blocking
 * calls from the producer's own I/O thread (callbacks, interceptors), throwing serializers, partitioners,
 * callbacks and interceptors, partitions the topic does not have, send after close.
 */
class ApplicationMistakesTest {
    private static final Duration STEP = Duration.ofMillis(5);
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private ProducerRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    private void awaitAll(List<RecordFuture> futures) {
        rig.advanceUntil(() -> futures.stream().allMatch(RecordFuture::isDone), STEP, LIMIT);
    }

    @Test
    void flushFromACallbackFailsClearlyInsteadOfWaitingForItself() {
        rig = ProducerRig.start(new FakeBroker(1).createTopic("t", 1), b -> b.linger(Duration.ZERO));
        AtomicReference<Throwable> flushError = new AtomicReference<>();
        RecordFuture first = rig.producer.send(new ProducerRecord<>("t", 0, "k", "first"), (metadata, error) -> {
            try {
                rig.producer.flush();
            } catch (RuntimeException e) {
                flushError.set(e);
            }
        });
        RecordFuture second = rig.send("t", 0, "k", "second");
        awaitAll(List.of(first, second));

        assertThat(flushError.get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("flush() cannot be called from a callback");
        assertThat(rig.values("t", 0)).containsExactly("first", "second");
    }

    @Test
    void closeFromACallbackDoesNotWaitAndFailsWhatIsNotAcknowledgedYet() {
        FakeBroker broker = new FakeBroker(2).createTopic("t", 2);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO));
        rig.sendAndWait("t", 1, "k", "warm-up");
        broker.setDown(1, true);
        rig.network.disconnectNode(1);
        RecordFuture stranded = rig.send("t", 1, "k", "stranded");
        RecordFuture closer = rig.producer.send(new ProducerRecord<>("t", 0, "k", "closer"),
                (metadata, error) -> rig.producer.close());
        awaitAll(List.of(closer, stranded));

        assertThat(closer.join().offset()).isZero();
        assertThat(Futures.errorOf(stranded)).isInstanceOf(ProducerClosedException.class)
                .hasMessageContaining("closed from one of its callbacks");
        assertThat(Persistence.of(Futures.errorOf(stranded))).isEqualTo(Persistence.NOT_PERSISTED);
        rig.runUntilIdle();
        assertThat(rig.network.isClosed()).isTrue();
        assertThatThrownBy(() -> rig.send("t", 0, "k", "late")).isInstanceOf(ProducerClosedException.class);
    }

    @Test
    void sendFromACallbackFailsAtOnceWhenTheBufferIsFullInsteadOfBlockingTheIoThread() {
        FakeBroker broker = new FakeBroker(2).createTopic("t", 2);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).batchSizeBytes(1_024)
                .bufferMemoryBytes(5 * 1_024).maxBlock(Duration.ofSeconds(30)));
        rig.sendAndWait("t", 0, "k", "warm-up");
        rig.sendAndWait("t", 1, "k", "warm-up");
        broker.setDown(1, true);
        rig.network.disconnectNode(1);
        // Three batches of a 1,000-byte record wait for the stopped broker; with the trigger's batch, too little
        // of the 5 KB is left for one more.
        List<RecordFuture> filling = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            filling.add(rig.send("t", 1, "k", "x".repeat(1_000)));
        }
        AtomicReference<RecordFuture> fromCallback = new AtomicReference<>();
        RecordFuture trigger = rig.producer.send(new ProducerRecord<>("t", 0, "k", "trigger"),
                (metadata, error) -> fromCallback.set(rig.producer.send(new ProducerRecord<>("t", 1, "k",
                        "y".repeat(1_000)))));
        awaitAll(List.of(trigger));

        assertThat(fromCallback.get().isDone()).as("failed within the callback, not after max.block.ms").isTrue();
        assertThat(Futures.errorOf(fromCallback.get())).isInstanceOf(TimeoutException.class);
        broker.setDown(1, false);
        awaitAll(filling);
        assertThat(filling).allSatisfy(f -> assertThat(f.toCompletableFuture()).isCompleted());
    }

    @Test
    void aThrowingSerializerFailsThatSendTheInterceptorsHearOfItAndOthersGoOn() {
        List<Exception> heard = new CopyOnWriteArrayList<>();
        Serializer<String> picky = (topic, value) -> {
            if (value.equals("poison")) {
                throw new IllegalArgumentException("cannot serialize poison");
            }
            return value.getBytes(StandardCharsets.UTF_8);
        };
        rig = ProducerRig.start(new FakeBroker(1).createTopic("t", 1),
                b -> b.linger(Duration.ZERO).interceptor(recording(heard)), picky, 42L);

        assertThatThrownBy(() -> rig.send("t", 0, "k", "poison")).isInstanceOf(SerializationException.class)
                .hasMessageContaining("value").hasMessageContaining("topic t")
                .hasRootCauseMessage("cannot serialize poison");
        RecordFuture fine = rig.send("t", 0, "k", "fine");
        awaitAll(List.of(fine));

        assertThat(heard).first().isInstanceOf(SerializationException.class);
        assertThat(rig.values("t", 0)).containsExactly("fine");
    }

    @Test
    void aThrowingPartitionerFailsThatSendAndTheInterceptorsHearOfIt() {
        List<Exception> heard = new CopyOnWriteArrayList<>();
        Partitioner broken = (record, partitions) -> {
            if ("bad".equals(record.key())) {
                throw new IllegalStateException("no partition for bad keys");
            }
            return 0;
        };
        rig = ProducerRig.start(new FakeBroker(1).createTopic("t", 2),
                b -> b.linger(Duration.ZERO).partitioner(broken).interceptor(recording(heard)));
        rig.sendAndWait("t", 0, "k", "warm-up");

        assertThatThrownBy(() -> rig.send("t", "bad", "v")).isInstanceOf(PartitionerException.class)
                .hasMessageContaining("topic t").hasMessageContaining("no partition for bad keys");
        RecordFuture fine = rig.send("t", "good", "fine");
        awaitAll(List.of(fine));

        assertThat(heard).filteredOn(error -> error != null).singleElement().isInstanceOf(PartitionerException.class);
        assertThat(rig.values("t", 0)).containsExactly("warm-up", "fine");
    }

    @Test
    void throwingCallbacksAndInterceptorsAffectNoRecord() {
        ProducerInterceptor<String, String> throwing = new ProducerInterceptor<>() {
            @Override
            public ProducerRecord<String, String> onSend(ProducerRecord<String, String> record) {
                throw new IllegalStateException("interceptor onSend");
            }

            @Override
            public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
                throw new IllegalStateException("interceptor onAcknowledgement");
            }
        };
        rig = ProducerRig.start(new FakeBroker(1).createTopic("t", 1),
                b -> b.linger(Duration.ofMillis(5)).interceptor(throwing));
        List<RecordFuture> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            futures.add(rig.producer.send(new ProducerRecord<>("t", 0, "k", "v" + i), (metadata, error) -> {
                throw new IllegalStateException("callback");
            }));
        }
        awaitAll(futures);

        assertThat(futures).allSatisfy(f -> assertThat(f.toCompletableFuture()).isCompleted());
        assertThat(rig.values("t", 0)).hasSize(10);
    }

    @Test
    void aPartitionTheTopicDoesNotHaveFailsThatRecordThroughItsFutureAndCallback() {
        rig = ProducerRig.start(new FakeBroker(1).createTopic("t", 2), b -> b.linger(Duration.ZERO));
        rig.sendAndWait("t", 0, "k", "warm-up");
        AtomicReference<Exception> callbackError = new AtomicReference<>();
        RecordFuture wrong = rig.producer.send(new ProducerRecord<>("t", 7, "k", "wrong"),
                (metadata, error) -> callbackError.set(error));
        RecordFuture right = rig.send("t", 1, "k", "right");
        awaitAll(List.of(wrong, right));

        assertThat(Futures.errorOf(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7").hasMessageContaining("[0...2)").hasMessageContaining("topic t");
        assertThat(callbackError.get()).isSameAs(Futures.errorOf(wrong));
        assertThat(right.join().partition()).isOne();
    }

    @Test
    void recordsThatNameNoTopicOrANegativePartitionAreRefusedWhenBuilt() {
        assertThatThrownBy(() -> new ProducerRecord<>(null, "v")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("topic");
        assertThatThrownBy(() -> new ProducerRecord<>("t", -1, "k", "v")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void sendAfterCloseIsRefusedWithTheTopicNamed() {
        rig = ProducerRig.start(new FakeBroker(1).createTopic("t", 1), b -> b.linger(Duration.ZERO));
        rig.sendAndWait("t", 0, "k", "v");
        rig.close();

        assertThatThrownBy(() -> rig.send("t", 0, "k", "late")).isInstanceOf(ProducerClosedException.class)
                .hasMessageContaining("topic t");
    }

    private static ProducerInterceptor<String, String> recording(List<Exception> heard) {
        return new ProducerInterceptor<>() {
            @Override
            public ProducerRecord<String, String> onSend(ProducerRecord<String, String> record) {
                return record;
            }

            @Override
            public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
                heard.add(exception);
            }
        };
    }
}
