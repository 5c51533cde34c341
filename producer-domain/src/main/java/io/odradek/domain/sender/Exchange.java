package io.odradek.domain.sender;

/**
 * One conversation the sender holds with the cluster (metadata, the producer id, produce, ...): it decides when
 * to send its requests, sends them through the {@link RequestChannel} and handles their answers. The sender
 * polls each in turn. I/O thread only.
 */
interface Exchange {

    /** Does whatever is due now. */
    void poll(long nowNs);

    /**
     * When this exchange wants to be polled again if nothing happens first; Long.MAX_VALUE when only an event
     * (an answer, a connection) can give it work.
     */
    long nextWakeUpNs();

    /** Fails whatever this exchange still holds, on close or a fatal error; its requests are dropped. */
    default void abort(RuntimeException error) {
    }
}
