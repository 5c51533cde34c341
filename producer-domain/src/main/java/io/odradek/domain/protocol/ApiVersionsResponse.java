package io.odradek.domain.protocol;

import java.util.Map;

/**
 * The broker's supported versions, for the APIs the producer knows (others are left out).
 * On UNSUPPORTED_VERSION the broker still lists its ApiVersions range, so the client can retry lower.
 */
public record ApiVersionsResponse(short errorCode, Map<ApiKey, VersionRange> versions, int throttleTimeMs)
        implements Response {
}
