package io.odradek.domain.protocol;

/** ApiVersions (v3+ carries the client's software name and version). */
public record ApiVersionsRequest(String clientSoftwareName, String clientSoftwareVersion) implements Request {
    @Override
    public ApiKey apiKey() {
        return ApiKey.API_VERSIONS;
    }
}
