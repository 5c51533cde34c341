package io.odradek.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Who consumed the records a transaction commits offsets for (KIP-447): the group, and the member's generation and
 * ids as the group's coordinator knows them, so it can refuse the commit of a member that was replaced (a zombie).
 * Take these values from your consumer (Kafka's {@code consumer.groupMetadata()}).
 *
 * @param generationId    -1 when unknown (then only the group id is checked, as before KIP-447)
 * @param memberId        "" when unknown
 * @param groupInstanceId the static member id, if the member is static
 */
public record ConsumerGroupMetadata(String groupId, int generationId, String memberId,
                                    Optional<String> groupInstanceId) {
    public ConsumerGroupMetadata {
        Objects.requireNonNull(groupId, "groupId must not be null");
        if (groupId.isEmpty()) {
            throw new IllegalArgumentException("groupId must not be empty");
        }
        memberId = memberId == null ? "" : memberId;
        groupInstanceId = groupInstanceId == null ? Optional.empty() : groupInstanceId;
    }

    /** Only the group: the coordinator cannot fence a zombie member then. */
    public ConsumerGroupMetadata(String groupId) {
        this(groupId, -1, "", Optional.empty());
    }
}
