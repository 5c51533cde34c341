package io.odradek.codec.api;

import java.util.ArrayList;
import java.util.List;

import io.odradek.codec.wire.ByteReader;
import io.odradek.codec.wire.ByteWriter;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.SaslHandshakeRequest;
import io.odradek.domain.protocol.SaslHandshakeResponse;
import io.odradek.domain.protocol.VersionRange;

/**
 * SaslHandshake v0..v1, never flexible. v1 means the mechanism's messages then travel in SaslAuthenticate
 * requests (KIP-152); v0's raw-token framing is what Kafka 4.0 removed, and the producer only sends v1.
 */
final class SaslHandshakeCodec extends ApiCodec<SaslHandshakeRequest, SaslHandshakeResponse> {
    SaslHandshakeCodec() {
        super(ApiKey.SASL_HANDSHAKE, VersionRange.of(0, 1), Short.MAX_VALUE, SaslHandshakeRequest.class);
    }

    @Override
    void encodeBody(ByteWriter out, short version, SaslHandshakeRequest request) {
        out.requiredString(request.mechanism(), false);
    }

    @Override
    SaslHandshakeResponse decode(ByteReader in, short version) {
        short errorCode = in.int16();
        int count = in.arrayLength(false, 2);
        List<String> mechanisms = new ArrayList<>(Math.max(count, 0));
        for (int i = 0; i < count; i++) {
            mechanisms.add(in.requiredString(false));
        }
        return new SaslHandshakeResponse(errorCode, in.failed() ? List.of() : mechanisms);
    }
}
