package io.odradek.domain.protocol;

/** Adds a consumer group's offsets to the transaction (transactions v1; v2 skips it). */
public record AddOffsetsToTxnRequest(String transactionalId, long producerId, short producerEpoch, String groupId)
        implements Request {
    @Override
    public ApiKey apiKey() {
        return ApiKey.ADD_OFFSETS_TO_TXN;
    }
}
