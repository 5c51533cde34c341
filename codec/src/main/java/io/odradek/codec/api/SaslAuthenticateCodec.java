package io.odradek.codec.api;

import io.odradek.codec.wire.ByteReader;
import io.odradek.codec.wire.ByteWriter;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.SaslAuthenticateRequest;
import io.odradek.domain.protocol.SaslAuthenticateResponse;
import io.odradek.domain.protocol.VersionRange;

/**
 * SaslAuthenticate v0..v2 (v2+ flexible). v1 adds the session lifetime to the response (KIP-368), after which
 * the client must authenticate the connection again.
 */
final class SaslAuthenticateCodec extends ApiCodec<SaslAuthenticateRequest, SaslAuthenticateResponse> {
    private static final int FIRST_SESSION_LIFETIME_VERSION = 1;

    SaslAuthenticateCodec() {
        super(ApiKey.SASL_AUTHENTICATE, VersionRange.of(0, 2), 2, SaslAuthenticateRequest.class);
    }

    @Override
    void encodeBody(ByteWriter out, short version, SaslAuthenticateRequest request) {
        boolean flexible = isFlexible(version);
        out.bytes(request.authBytes(), flexible);
        if (flexible) {
            out.noTaggedFields();
        }
    }

    @Override
    SaslAuthenticateResponse decode(ByteReader in, short version) {
        boolean flexible = isFlexible(version);
        short errorCode = in.int16();
        String errorMessage = in.string(flexible);
        byte[] authBytes = in.bytes(flexible);
        long sessionLifetimeMs = version >= FIRST_SESSION_LIFETIME_VERSION ? in.int64() : 0L;
        if (flexible) {
            in.skipTaggedFields();
        }
        return new SaslAuthenticateResponse(errorCode, errorMessage, authBytes, sessionLifetimeMs);
    }
}
