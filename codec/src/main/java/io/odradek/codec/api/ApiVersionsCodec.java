package io.odradek.codec.api;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import io.odradek.codec.wire.ByteReader;
import io.odradek.codec.wire.ByteWriter;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.ApiVersionsRequest;
import io.odradek.domain.protocol.ApiVersionsResponse;
import io.odradek.domain.protocol.KafkaError;
import io.odradek.domain.protocol.VersionRange;

/** ApiVersions v0..v3 (v3 flexible, with the client's software name and version). */
final class ApiVersionsCodec extends ApiCodec<ApiVersionsRequest, ApiVersionsResponse> {
    ApiVersionsCodec() {
        super(ApiKey.API_VERSIONS, VersionRange.of(0, 3), 3, ApiVersionsRequest.class);
    }

    /** ApiVersions always answers with response header v0, so a client that knows nothing yet can read it. */
    @Override
    boolean hasFlexibleResponseHeader(short version) {
        return false;
    }

    @Override
    void encodeBody(ByteWriter out, short version, ApiVersionsRequest request) {
        if (version >= 3) {
            if (request.clientSoftwareName() == null || request.clientSoftwareVersion() == null) {
                throw new IllegalArgumentException("ApiVersions v3+ needs the client software name and version");
            }
            out.compactNullableString(request.clientSoftwareName());
            out.compactNullableString(request.clientSoftwareVersion());
            out.noTaggedFields();
        }
    }

    /**
     * A broker that does not know our version answers UNSUPPORTED_VERSION in the v0 layout (its one
     * layout every client can read), listing its own range so we can retry lower. The error code comes
     * first in every version, so we peek at it; a body that fails at our version is also retried as v0.
     */
    @Override
    ApiVersionsResponse decode(ByteReader in, short version) {
        if (version == 0) {
            return decodeBody(in, (short) 0);
        }
        int bodyStart = in.position();
        ApiVersionsResponse response = decodeBody(in, version);
        if (in.failed() || response.errorCode() == KafkaError.UNSUPPORTED_VERSION) {
            ByteReader retry = in.restartAt(bodyStart);
            ApiVersionsResponse v0 = decodeBody(retry, (short) 0);
            if (!retry.failed()) {
                in.adopt(retry);
                return v0;
            }
        }
        return response;
    }

    private static ApiVersionsResponse decodeBody(ByteReader in, short version) {
        boolean flexible = version >= 3;
        short errorCode = in.int16();
        int count = in.arrayLength(flexible, 6);
        Map<ApiKey, VersionRange> versions = new EnumMap<>(ApiKey.class);
        for (int i = 0; i < count; i++) {
            short apiKey = in.int16();
            short min = in.int16();
            short max = in.int16();
            if (flexible) {
                in.skipTaggedFields();
            }
            ApiKey key = ApiKey.forId(apiKey);
            if (key != null && !in.failed()) {
                if (min < 0 || max < min) {
                    in.fail("invalid version range " + min + ".." + max + " for " + key);
                } else {
                    versions.put(key, new VersionRange(min, max));
                }
            }
        }
        int throttleTimeMs = version >= 1 ? in.int32() : 0;
        if (flexible) {
            in.skipTaggedFields();
        }
        return new ApiVersionsResponse(errorCode, Collections.unmodifiableMap(versions), throttleTimeMs);
    }
}
