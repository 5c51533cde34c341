package io.odradek.domain.protocol;

import java.util.Map;

/**
 * The broker's supported versions, for the APIs the producer knows (others are left out).
 * On UNSUPPORTED_VERSION the broker still lists its ApiVersions range, so the client can retry lower.
 *
 * @param finalizedFeatures the cluster's finalized feature levels (v3+), by name, e.g. {@code transaction.version}
 *                          -> 2 when transactions v2 (KIP-890) are on; empty before v3 or when none are finalized
 */
public record ApiVersionsResponse(short errorCode, Map<ApiKey, VersionRange> versions, int throttleTimeMs,
                                  Map<String, Short> finalizedFeatures) implements Response {

    public ApiVersionsResponse(short errorCode, Map<ApiKey, VersionRange> versions, int throttleTimeMs) {
        this(errorCode, versions, throttleTimeMs, Map.of());
    }
}
