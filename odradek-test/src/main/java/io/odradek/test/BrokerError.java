package io.odradek.test;

import io.odradek.domain.protocol.KafkaError;

/**
 * The Kafka errors a {@link FakeKafkaCluster} can answer a Produce request with, for
 * {@link FakeKafkaCluster#failNextProduce}. Whether the producer retries one is Kafka's own rule, which
 * {@link #retriable()} tells; the real producer applies it, so a test sees what an application would see.
 */
public enum BrokerError {
    /** The broker asked no longer leads the partition: the producer refreshes metadata and retries. */
    NOT_LEADER_OR_FOLLOWER(KafkaError.NOT_LEADER_OR_FOLLOWER),
    /** The partition is between leaders: retried. */
    LEADER_NOT_AVAILABLE(KafkaError.LEADER_NOT_AVAILABLE),
    /** Too few in-sync replicas for {@code acks=all}: retried. */
    NOT_ENOUGH_REPLICAS((short) 19),
    /** The leader wrote the batch but its followers did not confirm it in time: retried. */
    REQUEST_TIMED_OUT(KafkaError.REQUEST_TIMED_OUT),
    /** The broker cannot tell whether the batch was written to disk: retried. */
    KAFKA_STORAGE_ERROR((short) 56),
    /** The batch is larger than the topic's {@code max.message.bytes}: not retried ({@code RecordTooLargeException}). */
    MESSAGE_TOO_LARGE(KafkaError.MESSAGE_TOO_LARGE),
    /** The producer may not write to the topic: not retried. */
    TOPIC_AUTHORIZATION_FAILED(KafkaError.TOPIC_AUTHORIZATION_FAILED),
    /** The broker's validation refused a record (for example, a compacted topic's record without a key): not retried. */
    INVALID_RECORD(KafkaError.INVALID_RECORD),
    /** An error the broker could not name: not retried. */
    UNKNOWN_SERVER_ERROR(KafkaError.UNKNOWN_SERVER_ERROR);

    private final short code;

    BrokerError(short code) {
        this.code = code;
    }

    /** Kafka's numeric code, as {@code BrokerErrorException.errorCode()} reports it. */
    public short code() {
        return code;
    }

    /** Whether Kafka's protocol lets a producer retry after this error. */
    public boolean retriable() {
        return KafkaError.isRetriable(code);
    }
}
