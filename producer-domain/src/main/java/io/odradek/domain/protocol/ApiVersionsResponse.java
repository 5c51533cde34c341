package io.odradek.domain.protocol;

import java.util.Map;

/**
 * The broker's supported versions, for the APIs the producer knows (others are left out).
 * On UNSUPPORTED_VERSION the broker still lists its ApiVersions range, so the client can retry lower.
 *
 * @param finalizedFeaturesEpoch the epoch of {@code finalizedFeatures} (v3+), -1 when unknown. Brokers learn a
 *                               feature upgrade at different times, so two brokers can disagree for a while;
 *                               the answer with the higher epoch is the newer view of the cluster (Kafka's
 *                               client keeps the features of the highest epoch it has seen, for the same reason)
 * @param finalizedFeatures      the cluster's finalized feature levels (v3+), by name, e.g.
 *                               {@code transaction.version} -> 2 when transactions v2 (KIP-890) are on; empty
 *                               before v3, when none are finalized, or when the epoch is unknown
 */
public record ApiVersionsResponse(short errorCode, Map<ApiKey, VersionRange> versions, int throttleTimeMs,
                                  long finalizedFeaturesEpoch, Map<String, Short> finalizedFeatures)
        implements Response {

    public ApiVersionsResponse(short errorCode, Map<ApiKey, VersionRange> versions, int throttleTimeMs) {
        this(errorCode, versions, throttleTimeMs, -1L, Map.of());
    }
}
