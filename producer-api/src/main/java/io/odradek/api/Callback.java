package io.odradek.api;

/** Called once per record when it was acknowledged ({@code exception == null}) or failed for good. */
@FunctionalInterface
public interface Callback {
    /**
     * @param metadata  where the record was stored; on failure the topic and partition are known, offset -1
     * @param exception null on success
     */
    void onCompletion(RecordMetadata metadata, Exception exception);
}
