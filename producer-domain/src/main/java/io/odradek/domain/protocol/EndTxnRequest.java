package io.odradek.domain.protocol;

/** Commits ({@code committed}) or aborts the producer's open transaction. */
public record EndTxnRequest(String transactionalId, long producerId, short producerEpoch, boolean committed)
        implements Request {
    @Override
    public ApiKey apiKey() {
        return ApiKey.END_TXN;
    }
}
