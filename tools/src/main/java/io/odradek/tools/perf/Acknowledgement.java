package io.odradek.tools.perf;

/**
 * The callback of one record, as Kafka's tool has its PerfCallback: a class rather than a lambda, whose class
 * would be spun at the first send, inside the measured time. It is a callback of both APIs, so the run with
 * {@code --compat} allocates per record exactly what the one without does.
 */
final class Acknowledgement implements io.odradek.api.Callback, org.apache.kafka.clients.producer.Callback {
    /** Where a perf run hears of each record. */
    interface Listener {
        void acknowledged(long sendStartMs, int valueBytes, Exception exception);
    }

    private final Listener listener;
    private final long sendStartMs;
    private final int valueBytes;

    Acknowledgement(Listener listener, long sendStartMs, int valueBytes) {
        this.listener = listener;
        this.sendStartMs = sendStartMs;
        this.valueBytes = valueBytes;
    }

    @Override
    public void onCompletion(io.odradek.api.RecordMetadata metadata, Exception exception) {
        listener.acknowledged(sendStartMs, valueBytes, exception);
    }

    @Override
    public void onCompletion(org.apache.kafka.clients.producer.RecordMetadata metadata, Exception exception) {
        listener.acknowledged(sendStartMs, valueBytes, exception);
    }
}
