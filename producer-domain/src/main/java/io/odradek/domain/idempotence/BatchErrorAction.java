package io.odradek.domain.idempotence;

/** What to do with a batch the broker answered with an error. */
public enum BatchErrorAction {
    /** The broker already has it (a duplicate sequence): count it as sent. */
    TREAT_AS_SUCCESS,
    /** Send it again, in order, after the retry backoff, while retries and delivery.timeout.ms allow. */
    RETRY,
    /** Fail its records. */
    FAIL
}
