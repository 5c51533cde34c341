package io.odradek.domain.metrics;

/**
 * Where a record's time goes between {@code send()} and its acknowledgement, stage by stage, in
 * {@code producer-latency-metrics} (Odradek's own; Kafka's producer has no such breakdown):
 * <ol>
 *   <li>{@code metadata-wait}: waiting for its topic's metadata, for the records that had to (Odradek's
 *       {@code send()} does not block on it: the record waits in the producer);</li>
 *   <li>{@code accumulator}: in its batch, from the batch's creation until the batch was ready to go (full,
 *       {@code linger.ms} over, or flushed);</li>
 *   <li>{@code connection-wait}: ready, until its request was handed to the connection (waiting for the leader's
 *       connection, {@code max.in.flight.requests.per.connection} room, a producer id, a quota's throttle);</li>
 *   <li>{@code in-flight}: from its request's sending until the broker's answer (the last attempt's, after
 *       retries).</li>
 * </ol>
 * Each stage has {@code -avg}, {@code -max}, {@code -p50} and {@code -p99} in milliseconds over the sampled window,
 * counted per record (a batch's records share its times) for the records acknowledged; so a batch of 1,000 records
 * weighs 1,000 times what a batch of one does. Recorded once per batch on the I/O thread.
 */
public final class LatencyBreakdown {
    private final Stage metadataWait;
    private final Stage accumulator;
    private final Stage connectionWait;
    private final Stage inFlight;

    public LatencyBreakdown(MetricRegistry registry, MetricNames names) {
        metadataWait = new Stage(registry, names, "metadata-wait", "waiting for its topic's metadata (records that"
                + " waited only)");
        accumulator = new Stage(registry, names, "accumulator", "in its batch until the batch was ready to send");
        connectionWait = new Stage(registry, names, "connection-wait", "from its batch being ready until its request"
                + " was handed to the connection");
        inFlight = new Stage(registry, names, "in-flight", "from its request being sent until the broker answered");
    }

    /** A record that waited for metadata for {@code waitedNs} is now in a batch. */
    public void metadataWaited(long waitedNs, long nowMs) {
        metadataWait.record(waitedNs, 1, nowMs);
    }

    /**
     * A batch of {@code records} was acknowledged.
     *
     * @param createdNs its creation, {@code readyNs} when the drainer first found it ready, {@code sentNs} its
     *                  first request's sending, {@code lastSentNs} its last attempt's, {@code answeredNs} now
     */
    public void batchAcknowledged(int records, long createdNs, long readyNs, long sentNs, long lastSentNs,
                                  long answeredNs) {
        long nowMs = answeredNs / 1_000_000L;
        accumulator.record(readyNs - createdNs, records, nowMs);
        connectionWait.record(sentNs - readyNs, records, nowMs);
        inFlight.record(answeredNs - lastSentNs, records, nowMs);
    }

    private static final class Stage {
        private final LatencyHistogram histogram;
        private final MetricRegistry clock;

        Stage(MetricRegistry registry, MetricNames names, String stage, String what) {
            histogram = new LatencyHistogram(registry.settings());
            clock = registry;
            String prefix = stage + "-time-ms-";
            String about = "time in ms a record spent " + what;
            registry.gauge(names.latency(prefix + "avg", "The average " + about), () -> read(Read.MEAN));
            registry.gauge(names.latency(prefix + "max", "The maximum " + about), () -> read(Read.MAX));
            registry.gauge(names.latency(prefix + "p50", "The median " + about), () -> read(Read.P50));
            registry.gauge(names.latency(prefix + "p99", "The 99th percentile of the " + about), () -> read(Read.P99));
        }

        synchronized void record(long durationNs, long weight, long nowMs) {
            histogram.record(Math.max(0, durationNs) / 1e6, weight, nowMs);
        }

        private synchronized double read(Read what) {
            long nowMs = clock.nowMs();
            return switch (what) {
                case MEAN -> histogram.mean(nowMs);
                case MAX -> histogram.max(nowMs);
                case P50 -> histogram.percentile(0.50, nowMs);
                case P99 -> histogram.percentile(0.99, nowMs);
            };
        }

        private enum Read { MEAN, MAX, P50, P99 }
    }
}
