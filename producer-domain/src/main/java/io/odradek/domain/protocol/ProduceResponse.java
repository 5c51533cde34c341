package io.odradek.domain.protocol;

import java.util.List;

/** Per-partition outcome of a Produce request. */
public record ProduceResponse(List<TopicResponse> topics, int throttleTimeMs) implements Response {

    public record TopicResponse(String topic, List<PartitionResponse> partitions) {
    }

    /**
     * @param logAppendTimeMs -1 unless the topic uses LogAppendTime
     * @param errorMessage    null when the broker gave none
     * @param currentLeader   KIP-951's hint of the new leader on NOT_LEADER_OR_FOLLOWER (v10+), or null
     */
    public record PartitionResponse(int partition, short errorCode, long baseOffset, long logAppendTimeMs,
                                    long logStartOffset, String errorMessage, LeaderHint currentLeader) {
    }

    /** @param leaderId -1 when unknown */
    public record LeaderHint(int leaderId, int leaderEpoch) {
    }
}
