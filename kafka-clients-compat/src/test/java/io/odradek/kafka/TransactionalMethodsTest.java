package io.odradek.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Without a transactional.id, each transactional method must fail as Kafka's own producer fails: the same
 * exception class and message, idempotent or not, open or closed. Kafka's producer runs beside ours and is
 * the expected value, so these tests follow Kafka if it changes.
 */
class TransactionalMethodsTest {

    private static final Map<String, Consumer<Producer<String, String>>> METHODS = new LinkedHashMap<>();

    static {
        METHODS.put("initTransactions", Producer::initTransactions);
        METHODS.put("beginTransaction", Producer::beginTransaction);
        METHODS.put("commitTransaction", Producer::commitTransaction);
        METHODS.put("abortTransaction", Producer::abortTransaction);
        METHODS.put("sendOffsetsToTransaction(one offset)", p -> p.sendOffsetsToTransaction(
                Map.of(new TopicPartition("in", 0), new OffsetAndMetadata(42)), new ConsumerGroupMetadata("g")));
        METHODS.put("sendOffsetsToTransaction(no offsets)", p -> p.sendOffsetsToTransaction(Map.of(),
                new ConsumerGroupMetadata("g")));
        METHODS.put("sendOffsetsToTransaction(null group)", p -> p.sendOffsetsToTransaction(Map.of(), null));
        METHODS.put("sendOffsetsToTransaction(generation without member)", p -> p.sendOffsetsToTransaction(Map.of(),
                new ConsumerGroupMetadata("g", 3, "", java.util.Optional.empty())));
    }

    @ParameterizedTest(name = "enable.idempotence={0}")
    @ValueSource(booleans = {true, false})
    void failLikeKafkasProducerWithoutATransactionalId(boolean idempotent) {
        Map<String, Object> configs = SideBySide.configs("enable.idempotence", idempotent);
        Producer<String, String> kafka = SideBySide.kafka(configs);
        Producer<String, String> odradek = SideBySide.odradek(configs);
        try {
            assertSameOutcomes(kafka, odradek);
        } finally {
            SideBySide.closeQuietly(kafka);
            SideBySide.closeQuietly(odradek);
        }
    }

    @ParameterizedTest(name = "enable.idempotence={0}")
    @ValueSource(booleans = {true, false})
    void failLikeKafkasProducerOnceClosed(boolean idempotent) {
        Map<String, Object> configs = SideBySide.configs("enable.idempotence", idempotent);
        Producer<String, String> kafka = SideBySide.kafka(configs);
        Producer<String, String> odradek = SideBySide.odradek(configs);
        SideBySide.closeQuietly(kafka);
        SideBySide.closeQuietly(odradek);

        assertSameOutcomes(kafka, odradek);
    }

    private static void assertSameOutcomes(Producer<String, String> kafka, Producer<String, String> odradek) {
        int failures = 0;
        for (Map.Entry<String, Consumer<Producer<String, String>>> method : METHODS.entrySet()) {
            Throwable expected = catchThrowable(() -> method.getValue().accept(kafka));
            Throwable actual = catchThrowable(() -> method.getValue().accept(odradek));
            if (expected == null) {
                assertThat(actual).as(method.getKey()).isNull();
                continue;
            }
            failures++;
            assertThat(actual).as(method.getKey()).isExactlyInstanceOf(expected.getClass())
                    .hasMessage(expected.getMessage());
        }
        // Kafka refuses at least the four plain methods; a test whose reference threw nothing would prove little.
        assertThat(failures).isGreaterThanOrEqualTo(4);
    }
}
