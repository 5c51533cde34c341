package io.odradek.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A partition as the producer last saw it in the cluster's metadata.
 *
 * @param leader the broker that leads the partition now, or empty when it has none (an election is under
 *               way, or its leader is offline): records for it wait until a leader is known
 */
public record PartitionInfo(String topic, int partition, Optional<Broker> leader) {

    public PartitionInfo {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(leader, "leader");
    }

    /** Whether the partition has a leader now: what Kafka calls an available partition. */
    public boolean isAvailable() {
        return leader.isPresent();
    }
}
