package io.odradek.api.plugins;

import java.util.Map;

/** An interceptor whose configure rejects every configuration. */
public class FailingConfigureInterceptor extends RecordingInterceptor {
    @Override
    public void configure(Map<String, ?> configs) {
        throw new IllegalStateException("missing audit.topic");
    }
}
