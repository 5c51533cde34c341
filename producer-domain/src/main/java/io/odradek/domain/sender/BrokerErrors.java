package io.odradek.domain.sender;

import io.odradek.api.BrokerErrorException;
import io.odradek.api.RecordTooLargeException;
import io.odradek.api.RetriableBrokerErrorException;
import io.odradek.domain.TopicPartition;
import io.odradek.domain.protocol.KafkaError;

/** Turns a broker's error code for a partition into the exception the user sees. */
final class BrokerErrors {
    private BrokerErrors() {
    }

    static RuntimeException toException(short errorCode, String brokerMessage, TopicPartition partition) {
        KafkaError error = KafkaError.forCode(errorCode);
        String detail = "for " + partition + (brokerMessage == null || brokerMessage.isEmpty() ? ""
                : ": " + brokerMessage);
        if (errorCode == KafkaError.MESSAGE_TOO_LARGE || errorCode == KafkaError.RECORD_LIST_TOO_LARGE) {
            return new RecordTooLargeException("The broker rejected a batch " + detail + " with " + error
                    + ": it holds a record larger than the topic's max.message.bytes");
        }
        if (error.retriable()) {
            return new RetriableBrokerErrorException(error.code(), error.name(), "the broker kept answering "
                    + detail + " until the record's retries or delivery.timeout.ms ran out");
        }
        return new BrokerErrorException(error.code(), error.name(), "the broker rejected the batch " + detail);
    }

    /** Errors that mean the producer's idea of who leads the partition is stale. */
    static boolean invalidatesMetadata(short errorCode) {
        return switch (errorCode) {
            case KafkaError.NOT_LEADER_OR_FOLLOWER, KafkaError.LEADER_NOT_AVAILABLE,
                 KafkaError.UNKNOWN_TOPIC_OR_PARTITION, KafkaError.NETWORK_EXCEPTION -> true;
            default -> KafkaError.nameOf(errorCode).contains("LEADER_EPOCH");
        };
    }
}
