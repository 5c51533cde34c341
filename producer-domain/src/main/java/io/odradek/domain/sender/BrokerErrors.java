package io.odradek.domain.sender;

import java.util.Set;

import io.odradek.api.BrokerErrorException;
import io.odradek.api.Persistence;
import io.odradek.api.RecordTooLargeException;
import io.odradek.api.RetriableBrokerErrorException;
import io.odradek.domain.TopicPartition;
import io.odradek.domain.protocol.KafkaError;

/** Turns a broker's error code for a partition into the exception the user sees, and says what it implies. */
final class BrokerErrors {
    private static final short NOT_ENOUGH_REPLICAS = 19;
    private static final short INVALID_REQUIRED_ACKS = 21;
    private static final short INVALID_TIMESTAMP = 32;
    private static final short UNSUPPORTED_FOR_MESSAGE_FORMAT = 43;
    private static final short FENCED_LEADER_EPOCH = 74;
    private static final short UNKNOWN_LEADER_EPOCH = 75;

    /**
     * Errors the broker answers before it appends anything to the partition's log: a batch answered with one of
     * these was not written by that attempt. Every other error (REQUEST_TIMED_OUT after the leader appended and
     * waited for replicas, NOT_ENOUGH_REPLICAS_AFTER_APPEND, KAFKA_STORAGE_ERROR, an unknown one) may follow an
     * append, so it counts as a possible write.
     */
    private static final Set<Short> REFUSED_BEFORE_APPEND = Set.of(KafkaError.CORRUPT_MESSAGE,
            KafkaError.UNKNOWN_TOPIC_OR_PARTITION, KafkaError.LEADER_NOT_AVAILABLE, KafkaError.NOT_LEADER_OR_FOLLOWER,
            KafkaError.MESSAGE_TOO_LARGE, KafkaError.INVALID_TOPIC_EXCEPTION, KafkaError.RECORD_LIST_TOO_LARGE,
            NOT_ENOUGH_REPLICAS, INVALID_REQUIRED_ACKS, KafkaError.TOPIC_AUTHORIZATION_FAILED, INVALID_TIMESTAMP,
            KafkaError.CLUSTER_AUTHORIZATION_FAILED, KafkaError.UNSUPPORTED_VERSION, UNSUPPORTED_FOR_MESSAGE_FORMAT,
            KafkaError.OUT_OF_ORDER_SEQUENCE_NUMBER, KafkaError.DUPLICATE_SEQUENCE_NUMBER,
            KafkaError.INVALID_PRODUCER_EPOCH, KafkaError.INVALID_TXN_STATE, KafkaError.INVALID_PRODUCER_ID_MAPPING,
            KafkaError.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, KafkaError.UNKNOWN_PRODUCER_ID, FENCED_LEADER_EPOCH,
            UNKNOWN_LEADER_EPOCH, KafkaError.INVALID_RECORD, KafkaError.PRODUCER_FENCED,
            KafkaError.TRANSACTION_ABORTABLE);

    private BrokerErrors() {
    }

    /** Whether an attempt answered with {@code errorCode} may have been appended to the log. */
    static boolean mayHaveBeenWritten(short errorCode) {
        return !REFUSED_BEFORE_APPEND.contains(errorCode);
    }

    static RuntimeException toException(short errorCode, String brokerMessage, TopicPartition partition,
                                        Persistence persistence) {
        KafkaError error = KafkaError.forCode(errorCode);
        String detail = "for " + partition + (brokerMessage == null || brokerMessage.isEmpty() ? ""
                : ": " + brokerMessage);
        String maybeWritten = persistence == Persistence.POSSIBLY_PERSISTED
                ? " An earlier attempt's outcome is unknown, so the records may be in the log." : "";
        if (errorCode == KafkaError.MESSAGE_TOO_LARGE || errorCode == KafkaError.RECORD_LIST_TOO_LARGE) {
            return new RecordTooLargeException("The broker rejected a batch " + detail + " with " + error
                    + ": it holds a record larger than the topic's max.message.bytes." + maybeWritten, persistence);
        }
        if (errorCode == KafkaError.NETWORK_EXCEPTION) {
            // Raised by our side when the connection failed or the request got no answer in time; the broker said
            // nothing, so blaming its answers would send the user looking in the wrong place.
            return new RetriableBrokerErrorException(error.code(), error.name(), "the last attempt " + detail
                    + " got no answer from the partition's leader before retries or delivery.timeout.ms ran out."
                    + maybeWritten, persistence);
        }
        if (error.retriable()) {
            return new RetriableBrokerErrorException(error.code(), error.name(), "the broker kept answering "
                    + detail + " until the record's retries or delivery.timeout.ms ran out." + maybeWritten,
                    persistence);
        }
        return new BrokerErrorException(error.code(), error.name(), "the broker rejected the batch " + detail + "."
                + maybeWritten, persistence);
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
