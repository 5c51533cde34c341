package io.odradek.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.odradek.api.FatalProducerException;
import io.odradek.api.PartitionInfo;
import io.odradek.api.ProducerClosedException;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordFuture;
import io.odradek.api.RecordMetadata;
import io.odradek.api.SerializationException;
import io.odradek.api.Serializers;
import io.odradek.api.TimeoutException;

class MockProducerTest {

    @Test
    void autoCompleteAcknowledgesEachSendAtOnceWithOffsetsCountingPerPartition() {
        MockProducer<String, String> producer = new MockProducer<>(true, Serializers.string(), Serializers.string());
        List<RecordMetadata> acknowledged = new ArrayList<>();

        RecordFuture first = producer.send(new ProducerRecord<>("orders", 1, "k", "value"), (md, e) -> acknowledged.add(md));
        RecordFuture second = producer.send(new ProducerRecord<>("orders", 1, "k", "v2"));
        RecordFuture other = producer.send(new ProducerRecord<>("orders", 0, null, "v3"));

        assertThat(first.join()).isEqualTo(new RecordMetadata("orders", 1, 0, first.join().timestamp(), 1, 5));
        assertThat(second.join().offset()).isEqualTo(1);
        assertThat(other.join().offset()).isZero();
        assertThat(other.join().serializedKeySize()).isEqualTo(-1);
        assertThat(acknowledged).containsExactly(first.join());
        assertThat(producer.history()).extracting(ProducerRecord::value).containsExactly("value", "v2", "v3");
    }

    @Test
    void withoutAutoCompleteSendsWaitForTheTestToCompleteOrFailThemInOrder() {
        MockProducer<String, String> producer = new MockProducer<>(false);
        List<String> outcomes = new ArrayList<>();
        RecordFuture first = producer.send(new ProducerRecord<>("t", "a"), (md, e) -> outcomes.add("a:" + e));
        RecordFuture second = producer.send(new ProducerRecord<>("t", "b"), (md, e) -> outcomes.add("b:" + md.offset()
                + ":" + e.getMessage()));

        assertThat(first.isDone()).isFalse();
        assertThat(producer.completeNext()).isTrue();
        assertThat(producer.errorNext(new TimeoutException("delivery.timeout.ms"))).isTrue();
        assertThat(producer.completeNext()).isFalse();

        assertThat(first.join().offset()).isZero();
        assertThatThrownBy(second::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(outcomes).containsExactly("a:null", "b:-1:delivery.timeout.ms");
    }

    @Test
    void flushCompletesEverySendStillWaiting() {
        MockProducer<String, String> producer = new MockProducer<>(false);
        RecordFuture future = producer.send(new ProducerRecord<>("t", "a"));
        assertThat(producer.flushed()).isFalse();

        producer.flush();

        assertThat(future.isDone()).isTrue();
        assertThat(producer.flushed()).isTrue();
        producer.send(new ProducerRecord<>("t", "b"));
        assertThat(producer.flushed()).isFalse();
    }

    @Test
    void clearForgetsTheHistoryAndWhatWasWaiting() {
        MockProducer<String, String> producer = new MockProducer<>(false);
        producer.send(new ProducerRecord<>("t", "a"));

        producer.clear();

        assertThat(producer.history()).isEmpty();
        assertThat(producer.completeNext()).isFalse();
    }

    @Test
    void aClosedProducerRefusesToSend() {
        MockProducer<String, String> producer = new MockProducer<>(true);

        producer.close();

        assertThat(producer.closed()).isTrue();
        assertThatThrownBy(() -> producer.send(new ProducerRecord<>("t", "a")))
                .isInstanceOf(ProducerClosedException.class);
    }

    @Test
    void aFatallyFailedProducerFailsWhatWaitsAndEveryLaterSend() {
        MockProducer<String, String> producer = new MockProducer<>(false);
        RecordFuture waiting = producer.send(new ProducerRecord<>("t", "a"));
        FatalProducerException fenced = new FatalProducerException("fenced by a newer instance");

        producer.failFatally(fenced);

        assertThat(waiting.isCompletedExceptionally()).isTrue();
        assertThat(producer.send(new ProducerRecord<>("t", "b")).isCompletedExceptionally()).isTrue();
        assertThat(producer.fatalError()).containsSame(fenced);
    }

    @Test
    void injectedSendAndFlushFailuresAreThrownOnce() {
        MockProducer<String, String> producer = new MockProducer<>(true);
        producer.sendException(new IllegalStateException("send refused"));
        producer.flushException(new IllegalStateException("flush refused"));

        assertThatThrownBy(() -> producer.send(new ProducerRecord<>("t", "a"))).hasMessage("send refused");
        assertThatThrownBy(producer::flush).hasMessage("flush refused");
        assertThat(producer.send(new ProducerRecord<>("t", "a")).join().offset()).isZero();
        producer.flush();
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void serializersRunOnSendSoTheirFailuresSurfaceThere() {
        MockProducer<String, String> producer = new MockProducer<>(true, Serializers.string(), (topic, value) -> {
            throw new SerializationException("cannot serialize " + value, null);
        });

        assertThatThrownBy(() -> producer.send(new ProducerRecord<>("t", "k", "v")))
                .isInstanceOf(SerializationException.class).hasMessage("cannot serialize v");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void aPartitionerChoosesAmongTheDeclaredPartitions() {
        MockProducer<String, String> producer = new MockProducer<String, String>(true, Serializers.string(),
                Serializers.string(), (record, partitions) -> record.valueBytes().length % partitions.partitionCount())
                .withTopic("t", 3);

        assertThat(producer.send(new ProducerRecord<>("t", "12345")).join().partition()).isEqualTo(2);
        assertThat(producer.send(new ProducerRecord<>("undeclared", "12345")).join().partition()).isZero();
        assertThat(producer.partitionsFor("t")).extracting(PartitionInfo::partition).containsExactly(0, 1, 2);
        assertThatThrownBy(() -> producer.partitionsFor("undeclared")).isInstanceOf(TimeoutException.class);
    }
}
