package io.odradek.domain.protocol;

/** What precedes every request body; the codec picks the header version from the API and version. */
public record RequestHeader(ApiKey apiKey, short apiVersion, int correlationId, String clientId) {
}
