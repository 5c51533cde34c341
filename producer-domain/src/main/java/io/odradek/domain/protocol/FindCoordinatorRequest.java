package io.odradek.domain.protocol;

/** Which broker coordinates {@code key} (a transactional id, or a consumer group id). */
public record FindCoordinatorRequest(CoordinatorType type, String key) implements Request {
    @Override
    public ApiKey apiKey() {
        return ApiKey.FIND_COORDINATOR;
    }
}
