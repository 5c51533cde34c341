package io.odradek.codec.api;

import java.nio.ByteBuffer;

import io.odradek.codec.wire.ByteReader;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.ProtocolException;
import io.odradek.domain.protocol.Request;
import io.odradek.domain.protocol.RequestHeader;
import io.odradek.domain.protocol.Response;

/** Whole frames: size prefix, header and body out; header and body in, checked once at the end. */
public final class KafkaApis {
    private KafkaApis() {
    }

    public static ByteBuffer[] encode(RequestHeader header, Request request) {
        if (header.apiKey() != request.apiKey()) {
            throw new IllegalArgumentException("header is for " + header.apiKey() + " but the request is "
                    + request.apiKey());
        }
        return ApiSupport.checkedCodec(header.apiKey(), header.apiVersion()).encode(header, request);
    }

    public static Response decode(RequestHeader header, ByteBuffer frame) {
        ApiKey apiKey = header.apiKey();
        short version = header.apiVersion();
        ApiCodec<?, ?> codec = ApiSupport.checkedCodec(apiKey, version);
        ByteReader in = new ByteReader(frame.duplicate());
        int correlationId = in.int32();
        if (!in.failed() && correlationId != header.correlationId()) {
            throw new ProtocolException("response correlation id " + correlationId + " does not match request "
                    + header.correlationId() + " (" + apiKey + " v" + version + ")");
        }
        if (codec.hasFlexibleResponseHeader(version)) {
            in.skipTaggedFields();
        }
        Response response;
        try {
            response = codec.decode(in, version);
        } catch (RuntimeException e) {
            throw new ProtocolException("malformed " + apiKey + " v" + version + " response: " + e, e);
        }
        if (in.failed()) {
            throw new ProtocolException("malformed " + apiKey + " v" + version + " response (correlation id "
                    + header.correlationId() + "): " + in.error());
        }
        return response;
    }
}
