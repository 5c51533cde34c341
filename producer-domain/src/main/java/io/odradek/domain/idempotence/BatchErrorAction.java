package io.odradek.domain.idempotence;

/** What to do with a batch the broker answered with an error. */
public enum BatchErrorAction {
    /** The broker already has it (a duplicate sequence): count it as sent. */
    TREAT_AS_SUCCESS,
    /** Send it again, in order, after the retry backoff. */
    RETRY,
    /** Bump the producer epoch (KIP-360), then send it again with a fresh sequence. */
    RETRY_AFTER_EPOCH_BUMP,
    /** Fail its records. */
    FAIL,
    /** Fail its records and bump the epoch, since the partition's sequence numbers are no longer known. */
    FAIL_AND_BUMP_EPOCH
}
