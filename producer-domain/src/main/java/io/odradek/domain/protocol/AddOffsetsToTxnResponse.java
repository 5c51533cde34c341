package io.odradek.domain.protocol;

public record AddOffsetsToTxnResponse(short errorCode, int throttleTimeMs) implements Response {
}
