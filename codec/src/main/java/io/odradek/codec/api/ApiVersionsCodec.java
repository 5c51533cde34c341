package io.odradek.codec.api;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import io.odradek.codec.wire.ByteReader;
import io.odradek.codec.wire.ByteWriter;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.ApiVersionsRequest;
import io.odradek.domain.protocol.ApiVersionsResponse;
import io.odradek.domain.protocol.KafkaError;
import io.odradek.domain.protocol.VersionRange;

/**
 * ApiVersions v0..v3 (v3 flexible, with the client's software name and version). From v3 the answer's tagged
 * fields carry the cluster's finalized features, which tell the producer whether transactions v2 (KIP-890,
 * {@code transaction.version} >= 2) are on. v4 only changes how SupportedFeatures with a minimum of 0 are
 * listed (KAFKA-17011), which a producer does not read.
 */
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
        if (!flexible) {
            return new ApiVersionsResponse(errorCode, Collections.unmodifiableMap(versions), throttleTimeMs);
        }
        FinalizedFeatures features = new FinalizedFeatures();
        in.readTaggedFields(features);
        return new ApiVersionsResponse(errorCode, Collections.unmodifiableMap(versions), throttleTimeMs,
                features.epoch, features.valid());
    }

    /**
     * The top-level tags FinalizedFeaturesEpoch (1) and FinalizedFeatures (2); SupportedFeatures (0) is what
     * this one broker could run, not what the cluster has switched on, so it is skipped with the unknown tags.
     */
    private static final class FinalizedFeatures implements ByteReader.TagHandler {
        private static final int EPOCH_TAG = 1;
        private static final int FEATURES_TAG = 2;

        private long epoch = -1L;
        private final Map<String, Short> maxLevels = new HashMap<>();

        @Override
        public void read(int tag, ByteReader in) {
            if (tag == EPOCH_TAG) {
                epoch = in.int64();
            } else if (tag == FEATURES_TAG) {
                int count = in.arrayLength(true, 6);
                for (int i = 0; i < count; i++) {
                    String name = in.requiredString(true);
                    short maxVersionLevel = in.int16();
                    in.int16(); // min version level: the level in force is the max, as Kafka's client reads it
                    in.skipTaggedFields();
                    maxLevels.put(name, maxVersionLevel);
                }
            }
        }

        /** The schema: the list "is valid only if FinalizedFeaturesEpoch >= 0"; Kafka's client ignores it too. */
        Map<String, Short> valid() {
            return epoch >= 0 ? Map.copyOf(maxLevels) : Map.of();
        }
    }
}
