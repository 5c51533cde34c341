package io.odradek.domain.protocol;

import java.util.List;

/** @param mechanisms the mechanisms the broker enables on this listener */
public record SaslHandshakeResponse(short errorCode, List<String> mechanisms) implements Response {
    public SaslHandshakeResponse {
        mechanisms = List.copyOf(mechanisms);
    }

    /** SaslHandshake has no throttle time. */
    @Override
    public int throttleTimeMs() {
        return 0;
    }
}
