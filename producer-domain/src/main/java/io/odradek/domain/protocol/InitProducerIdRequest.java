package io.odradek.domain.protocol;

/**
 * Asks for a producer id and epoch. With {@code producerId}/{@code producerEpoch} of a live producer
 * (KIP-360, v3+), it bumps the epoch instead; -1/-1 asks for a new id.
 *
 * @param transactionalId null for an idempotent, non-transactional producer
 */
public record InitProducerIdRequest(String transactionalId, int transactionTimeoutMs, long producerId,
                                    short producerEpoch) implements Request {
    @Override
    public ApiKey apiKey() {
        return ApiKey.INIT_PRODUCER_ID;
    }
}
