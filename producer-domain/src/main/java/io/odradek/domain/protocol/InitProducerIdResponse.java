package io.odradek.domain.protocol;

public record InitProducerIdResponse(short errorCode, long producerId, short producerEpoch, int throttleTimeMs)
        implements Response {
}
