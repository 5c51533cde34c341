package io.odradek.api.plugins;

/** A second interceptor class, to check the order of a chain. */
public class SecondInterceptor extends RecordingInterceptor {
}
