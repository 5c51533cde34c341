package io.odradek.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import io.odradek.api.BrokerErrorException;
import io.odradek.api.FatalProducerException;
import io.odradek.api.OdradekException;
import io.odradek.api.ProducerClosedException;
import io.odradek.api.RetriableBrokerErrorException;

/** Odradek's exceptions become the types Kafka's producer uses for the same failure. */
class KafkaExceptionsTest {

    @Test
    void aBrokerErrorCodeBecomesKafkasOwnExceptionForIt() {
        assertThat(KafkaExceptions.forRecord(new RetriableBrokerErrorException((short) 19, "NOT_ENOUGH_REPLICAS",
                "orders-0"))).isExactlyInstanceOf(NotEnoughReplicasException.class).hasMessageContaining("orders-0");
        assertThat(KafkaExceptions.forRecord(new BrokerErrorException((short) 29, "TOPIC_AUTHORIZATION_FAILED",
                "orders"))).isExactlyInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aFatalErrorCausedByTheBrokerIsKafkasExceptionForTheCode() {
        FatalProducerException fenced = new FatalProducerException("fenced",
                new BrokerErrorException((short) 90, "PRODUCER_FENCED", "epoch 3"));

        assertThat(KafkaExceptions.forRecord(fenced)).isExactlyInstanceOf(ProducerFencedException.class);
    }

    @Test
    void timeoutsSizesAndClosesKeepTheirMeaning() {
        assertThat(KafkaExceptions.forRecord(new io.odradek.api.TimeoutException("delivery.timeout.ms")))
                .isExactlyInstanceOf(TimeoutException.class).hasMessage("delivery.timeout.ms");
        assertThat(KafkaExceptions.forRecord(new io.odradek.api.RecordTooLargeException("too large")))
                .isExactlyInstanceOf(RecordTooLargeException.class);
        assertThat(KafkaExceptions.forRecord(new ProducerClosedException("closed with close(PT0S)")))
                .isExactlyInstanceOf(KafkaException.class).hasMessage("closed with close(PT0S)");
        assertThat(KafkaExceptions.forCall(new ProducerClosedException("closed")))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage(KafkaExceptions.CLOSED);
    }

    @Test
    void anInterruptionBecomesKafkasInterruptException() {
        RuntimeException translated = KafkaExceptions.forCall(new OdradekException("Interrupted while flushing",
                new InterruptedException()));

        assertThat(translated).isExactlyInstanceOf(InterruptException.class);
        // Kafka's InterruptException sets the thread's interrupt flag again; clear it for the next test.
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void programmingErrorsPassThrough() {
        IllegalArgumentException invalid = new IllegalArgumentException("Invalid partition");

        assertThat(KafkaExceptions.forRecord(invalid)).isSameAs(invalid);
        assertThat(KafkaExceptions.forCall(invalid)).isSameAs(invalid);
    }
}
