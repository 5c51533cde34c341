package io.odradek.codec.api;

import java.nio.ByteBuffer;

import io.odradek.codec.wire.ByteReader;
import io.odradek.codec.wire.ByteWriter;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.ApiVersionsRequest;
import io.odradek.domain.protocol.InitProducerIdRequest;
import io.odradek.domain.protocol.MetadataRequest;
import io.odradek.domain.protocol.ProduceRequest;
import io.odradek.domain.protocol.ProtocolException;
import io.odradek.domain.protocol.Request;
import io.odradek.domain.protocol.RequestHeader;
import io.odradek.domain.protocol.Response;

/** Whole frames: size prefix, header and body out; header and body in, checked once at the end. */
public final class KafkaApis {
    private KafkaApis() {
    }

    public static ByteBuffer[] encode(RequestHeader header, Request request) {
        ApiKey apiKey = header.apiKey();
        if (apiKey != request.apiKey()) {
            throw new IllegalArgumentException("header is for " + apiKey + " but the request is " + request.apiKey());
        }
        short version = header.apiVersion();
        ApiSupport.checkSupported(apiKey, version);
        if (request instanceof ProduceRequest produce) {
            return ProduceRequestEncoder.encode(header, produce);
        }
        boolean flexible = ApiSupport.isFlexible(apiKey, version);
        ByteWriter out = new ByteWriter(128 + RequestHeaderCodec.maxSizeBytes(header));
        out.int32(0);
        RequestHeaderCodec.write(out, header, flexible);
        if (request instanceof ApiVersionsRequest apiVersions) {
            ApiVersionsCodec.encode(out, version, apiVersions);
        } else if (request instanceof MetadataRequest metadata) {
            MetadataCodec.encode(out, version, metadata);
        } else if (request instanceof InitProducerIdRequest initProducerId) {
            InitProducerIdCodec.encode(out, version, initProducerId);
        } else {
            throw new IllegalArgumentException("no encoder for " + request.getClass().getName());
        }
        out.putInt(0, out.position() - 4);
        return new ByteBuffer[] {ByteBuffer.wrap(out.array(), 0, out.position())};
    }

    public static Response decode(RequestHeader header, ByteBuffer frame) {
        ApiKey apiKey = header.apiKey();
        short version = header.apiVersion();
        ApiSupport.checkSupported(apiKey, version);
        ByteReader in = new ByteReader(frame.duplicate());
        int correlationId = in.int32();
        if (!in.failed() && correlationId != header.correlationId()) {
            throw new ProtocolException("response correlation id " + correlationId + " does not match request "
                    + header.correlationId() + " (" + apiKey + " v" + version + ")");
        }
        if (ApiSupport.hasFlexibleResponseHeader(apiKey, version)) {
            in.skipTaggedFields();
        }
        Response response;
        try {
            response = switch (apiKey) {
                case API_VERSIONS -> ApiVersionsCodec.decode(in, version);
                case METADATA -> MetadataCodec.decode(in, version);
                case INIT_PRODUCER_ID -> InitProducerIdCodec.decode(in, version);
                case PRODUCE -> new ProduceResponseDecoder(in, version).decode();
                default -> throw new IllegalStateException("unreachable: " + apiKey);
            };
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
