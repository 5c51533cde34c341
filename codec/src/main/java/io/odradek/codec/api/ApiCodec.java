package io.odradek.codec.api;

import java.nio.ByteBuffer;

import io.odradek.codec.wire.ByteReader;
import io.odradek.codec.wire.ByteWriter;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.Request;
import io.odradek.domain.protocol.RequestHeader;
import io.odradek.domain.protocol.Response;
import io.odradek.domain.protocol.VersionRange;

/**
 * One Kafka API as this codec speaks it: its versions, from which version it is "flexible" (compact strings and
 * arrays, tagged fields, request header v2 and response header v1, per the {@code flexibleVersions} of Kafka's
 * JSON schema), how to write its request and how to read its response. Adding an API is adding a subclass and
 * listing it in {@link ApiCodecs}.
 */
abstract class ApiCodec<Q extends Request, R extends Response> {
    private final ApiKey apiKey;
    private final VersionRange versions;
    private final short firstFlexibleVersion;
    private final Class<Q> requestType;

    ApiCodec(ApiKey apiKey, VersionRange versions, int firstFlexibleVersion, Class<Q> requestType) {
        this.apiKey = apiKey;
        this.versions = versions;
        this.firstFlexibleVersion = (short) firstFlexibleVersion;
        this.requestType = requestType;
    }

    final ApiKey apiKey() {
        return apiKey;
    }

    final VersionRange versions() {
        return versions;
    }

    final boolean isFlexible(short version) {
        return version >= firstFlexibleVersion;
    }

    /** Whether the response header carries tagged fields (v1): from the first flexible version, as a rule. */
    boolean hasFlexibleResponseHeader(short version) {
        return isFlexible(version);
    }

    /** The whole request frame: size prefix, header, body. */
    final ByteBuffer[] encode(RequestHeader header, Request request) {
        return encodeFrame(header, requestType.cast(request));
    }

    /** One heap buffer; an API whose body carries large buffers of its own writes them without copying. */
    ByteBuffer[] encodeFrame(RequestHeader header, Q request) {
        short version = header.apiVersion();
        ByteWriter out = new ByteWriter(128 + RequestHeaderCodec.maxSizeBytes(header));
        out.int32(0);
        RequestHeaderCodec.write(out, header, isFlexible(version));
        encodeBody(out, version, request);
        out.putInt(0, out.position() - 4);
        return new ByteBuffer[] {ByteBuffer.wrap(out.array(), 0, out.position())};
    }

    abstract void encodeBody(ByteWriter out, short version, Q request);

    /** Reads the response body; malformed input leaves {@code in} failed (or throws), never a half-read answer. */
    abstract R decode(ByteReader in, short version);
}
