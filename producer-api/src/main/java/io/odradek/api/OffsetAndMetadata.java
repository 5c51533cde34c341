package io.odradek.api;

import java.util.Optional;

/**
 * A consumer position to commit with a transaction: the offset of the next record to read, and optional metadata.
 *
 * @param leaderEpoch the leader epoch of the last record consumed, if the consumer knows it (lets the coordinator
 *                    detect a position from a truncated log)
 * @param metadata    a note stored with the offset; may be null
 */
public record OffsetAndMetadata(long offset, Optional<Integer> leaderEpoch, String metadata) {
    public OffsetAndMetadata {
        if (offset < 0) {
            throw new IllegalArgumentException("Invalid offset " + offset + ": offsets are not negative");
        }
        leaderEpoch = leaderEpoch == null ? Optional.empty() : leaderEpoch;
    }

    public OffsetAndMetadata(long offset) {
        this(offset, Optional.empty(), "");
    }

    public OffsetAndMetadata(long offset, String metadata) {
        this(offset, Optional.empty(), metadata);
    }
}
