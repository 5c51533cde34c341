package io.odradek.domain.protocol;

import java.util.List;

/** Metadata for the named topics (never "all topics": a producer asks only for what it sends to). */
public record MetadataRequest(List<String> topics, boolean allowAutoTopicCreation) implements Request {
    @Override
    public ApiKey apiKey() {
        return ApiKey.METADATA;
    }
}
