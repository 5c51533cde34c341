package io.odradek.tools.perf;

/**
 * The producer a perf run drives, through Odradek's own API or through Kafka's {@code Producer} interface
 * ({@code --compat}), so the two can be measured with the same sending loop. Each sends the way an
 * application of that API does: one record object and one callback per record, nothing else.
 */
interface PerfProducer {

    /** Sends a record ({@code key} may be null); throws when the producer refuses it (closed, failed for good). */
    void send(String topic, byte[] key, byte[] value, Acknowledgement acknowledgement);

    /** Waits until the topic's partitions are known, as Kafka's tool does in its first send. */
    void awaitTopic(String topic);

    void flush();

    /**
     * The producer's metrics as Kafka's tools print them: {@code group:name:{tags}} to value, sorted by that key;
     * none for a producer that keeps no metrics.
     */
    default java.util.SortedMap<String, Double> metrics() {
        return new java.util.TreeMap<>();
    }

    void initTransactions();

    void beginTransaction();

    /** Flushes and commits; throws when the transaction could not be committed. */
    void commitTransaction();

    void close();
}
