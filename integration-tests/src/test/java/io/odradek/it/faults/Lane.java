package io.odradek.it.faults;

import java.time.Duration;
import java.util.Map;

/** One contestant of a side-by-side run: its topic, its producer and the stream it sends. */
final class Lane {

    /** Kafka's default {@code delivery.timeout.ms}, which Odradek shares. */
    private static final int DEFAULT_DELIVERY_TIMEOUT_MS = 120_000;

    private final Contestant contestant;
    private final String topic;
    private final Map<String, Object> properties;
    private final StreamProducer producer;
    private final NumberedStream stream;
    private int noOutcome;

    Lane(Contestant contestant, String topic, Map<String, Object> properties, Workload workload) {
        this.contestant = contestant;
        this.topic = topic;
        this.properties = Map.copyOf(properties);
        this.producer = contestant.producer().create(properties);
        this.stream = new NumberedStream(producer, topic, workload);
    }

    Contestant contestant() {
        return contestant;
    }

    String topic() {
        return topic;
    }

    NumberedStream stream() {
        return stream;
    }

    /** How long a record of this producer may take before it must have failed. */
    Duration deliveryTimeout() {
        return Duration.ofMillis(Integer.parseInt(String.valueOf(
                properties.getOrDefault("delivery.timeout.ms", DEFAULT_DELIVERY_TIMEOUT_MS))));
    }

    /** Waits for the outcome of every record sent, until {@code deadlineNanos}; remembers how many had none. */
    void awaitOutcomes(long deadlineNanos) {
        StreamOutcomes outcomes = stream.outcomes();
        outcomes.awaitAll(Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
        noOutcome = outcomes.sent() - outcomes.completed();
    }

    /** Records that had no outcome by the deadline of {@link #awaitOutcomes}. */
    int noOutcome() {
        return noOutcome;
    }

    /** Closes the producer; records still without outcome then fail (that is no excuse: see {@link #noOutcome}). */
    void closeProducer() {
        try {
            producer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            System.err.println(contestant.label() + ": close failed: " + e);
        }
    }
}
