package io.odradek.kafka;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.protocol.Errors;

import io.odradek.api.BrokerErrorException;
import io.odradek.api.ConfigException;
import io.odradek.api.FatalProducerException;
import io.odradek.api.OdradekException;
import io.odradek.api.ProducerClosedException;
import io.odradek.api.RetriableBrokerErrorException;

/**
 * Odradek's exceptions as the ones Kafka's producer throws in the same situation, so that code catching
 * Kafka's types keeps working. A broker's error code becomes exactly the exception Kafka's client makes of
 * it (through Kafka's own table of error codes); messages are Odradek's.
 */
final class KafkaExceptions {
    /** What KafkaProducer says when it is used after close. */
    static final String CLOSED = "Cannot perform operation after producer has been closed";

    private KafkaExceptions() {
    }

    /** For a record's future and callback: what the record failed with. */
    static Exception forRecord(Throwable error) {
        if (error instanceof io.odradek.api.AuthenticationException) {
            return forCall(error);
        }
        if (error instanceof io.odradek.api.ProducerFencedException || error instanceof
                io.odradek.api.TransactionAbortableException || error instanceof io.odradek.api.TransactionAbortedException) {
            return forCall(error);
        }
        if (error instanceof BrokerErrorException broker) {
            return Errors.forCode(broker.errorCode()).exception(broker.getMessage());
        }
        if (error instanceof RetriableBrokerErrorException broker) {
            return Errors.forCode(broker.errorCode()).exception(broker.getMessage());
        }
        if (error instanceof FatalProducerException fatal) {
            return fatal.getCause() instanceof OdradekException cause ? forRecord(cause)
                    : new KafkaException(fatal.getMessage(), fatal.getCause());
        }
        if (error instanceof io.odradek.api.TimeoutException timeout) {
            return new TimeoutException(timeout.getMessage(), timeout.getCause());
        }
        if (error instanceof io.odradek.api.RecordTooLargeException tooLarge) {
            return new RecordTooLargeException(tooLarge.getMessage());
        }
        if (error instanceof ProducerClosedException closed) {
            // Kafka fails the records a close(timeout) abandons with a plain KafkaException.
            return new KafkaException(closed.getMessage());
        }
        return forCall(error);
    }

    /** For a method that throws (send, flush, partitionsFor, constructors): what the caller sees. */
    static RuntimeException forCall(Throwable error) {
        if (error instanceof ProducerClosedException) {
            return new IllegalStateException(CLOSED);
        }
        if (error instanceof io.odradek.api.SaslAuthenticationException sasl) {
            return new org.apache.kafka.common.errors.SaslAuthenticationException(sasl.getMessage(), sasl.getCause());
        }
        if (error instanceof io.odradek.api.SslAuthenticationException ssl) {
            return new org.apache.kafka.common.errors.SslAuthenticationException(ssl.getMessage(), ssl.getCause());
        }
        if (error instanceof io.odradek.api.AuthenticationException authentication) {
            return new org.apache.kafka.common.errors.AuthenticationException(authentication.getMessage(),
                    authentication.getCause());
        }
        if (error instanceof FatalProducerException fatal && fatal.getCause() instanceof BrokerErrorException broker) {
            // A transactional id or cluster not authorized: Kafka's exception for that code
            // (TransactionalIdAuthorizationException, ClusterAuthorizationException).
            return Errors.forCode(broker.errorCode()).exception(fatal.getMessage());
        }
        if (error instanceof io.odradek.api.ProducerFencedException fenced) {
            return new org.apache.kafka.common.errors.ProducerFencedException(fenced.getMessage());
        }
        if (error instanceof io.odradek.api.TransactionAbortableException abortable) {
            return new org.apache.kafka.common.errors.TransactionAbortableException(abortable.getMessage(),
                    abortable.getCause());
        }
        if (error instanceof io.odradek.api.TransactionAbortedException aborted) {
            return new org.apache.kafka.common.errors.TransactionAbortedException(aborted.getMessage(),
                    aborted.getCause());
        }
        if (error instanceof io.odradek.api.SerializationException serialization) {
            // A Kafka serializer's own exception is what Kafka's producer lets through.
            return serialization.getCause() instanceof KafkaException kafka ? kafka
                    : new SerializationException(serialization.getMessage(), serialization.getCause());
        }
        if (error instanceof ConfigException config) {
            // Kafka's ConfigException has no cause; the message says what is wrong.
            return new org.apache.kafka.common.config.ConfigException(config.getMessage());
        }
        if (error instanceof io.odradek.api.TimeoutException timeout) {
            return new TimeoutException(timeout.getMessage(), timeout.getCause());
        }
        if (error instanceof OdradekException odradek && odradek.getCause() instanceof InterruptedException interrupted) {
            return new InterruptException(odradek.getMessage(), interrupted);
        }
        if (error instanceof OdradekException odradek) {
            return new KafkaException(odradek.getMessage(), odradek.getCause());
        }
        if (error instanceof RuntimeException runtime) {
            return runtime;
        }
        return new KafkaException(error);
    }
}
