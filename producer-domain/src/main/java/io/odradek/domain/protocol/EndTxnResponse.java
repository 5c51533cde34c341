package io.odradek.domain.protocol;

/**
 * @param producerId    from v5 (transactions v2, KIP-890): the id to use next, as the coordinator bumps the epoch
 *                      on every commit and abort; -1 before
 * @param producerEpoch from v5, the epoch to use next; -1 before
 */
public record EndTxnResponse(short errorCode, long producerId, short producerEpoch, int throttleTimeMs)
        implements Response {
}
