package io.odradek.domain.protocol;

import java.util.List;

/**
 * Commits a consumer group's offsets as part of the transaction, to the group's coordinator. The member fields
 * (KIP-447, v3+) let the coordinator fence a zombie member; older versions carry none.
 *
 * @param memberId        "" when unknown
 * @param groupInstanceId null unless the member is static
 */
public record TxnOffsetCommitRequest(String transactionalId, String groupId, long producerId, short producerEpoch,
                                     int generationId, String memberId, String groupInstanceId, List<Topic> topics)
        implements Request {
    @Override
    public ApiKey apiKey() {
        return ApiKey.TXN_OFFSET_COMMIT;
    }

    public record Topic(String name, List<PartitionOffset> partitions) {
    }

    /**
     * @param leaderEpoch -1 when unknown
     * @param metadata    null for none
     */
    public record PartitionOffset(int partition, long offset, int leaderEpoch, String metadata) {
    }
}
