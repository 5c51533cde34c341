package io.odradek.codec.api;

import io.odradek.codec.wire.ByteWriter;
import io.odradek.domain.protocol.RequestHeader;

/** Request header v1, and v2 (flexible) which adds tagged fields; the client id stays an INT16 string. */
final class RequestHeaderCodec {
    private RequestHeaderCodec() {
    }

    /** Upper bound of the encoded header size. */
    static int maxSizeBytes(RequestHeader header) {
        return 2 + 2 + 4 + 2 + (header.clientId() == null ? 0 : 3 * header.clientId().length()) + 1;
    }

    static void write(ByteWriter out, RequestHeader header, boolean flexible) {
        out.int16(header.apiKey().id()).int16(header.apiVersion()).int32(header.correlationId());
        out.nullableString(header.clientId());
        if (flexible) {
            out.noTaggedFields();
        }
    }
}
