package io.odradek.domain.metrics;

import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import io.odradek.domain.log.LogContext;
import io.odradek.domain.port.Clock;

/**
 * Every metric of one producer, grouped by where it is measured: {@link SendMetrics} (batches and records, per
 * topic), {@link NetworkMetrics} (requests and connections, per broker), {@link LatencyBreakdown}, and here the
 * buffer memory and the time spent in the producer's blocking calls.
 */
public final class ProducerMetrics {
    private final MetricRegistry registry;
    private final MetricNames names;
    private final Clock clock;
    private final SendMetrics send;
    private final NetworkMetrics network;
    private final LatencyBreakdown latency;
    private final Sensor bufferPoolWaitRatio;
    private final Sensor bufferPoolWaitTotal;
    private final Sensor bufferExhausted;
    private final Sensor flushTime;
    private final Sensor metadataWaitTime;
    private final Sensor txnInitTime;
    private final Sensor txnBeginTime;
    private final Sensor txnSendOffsetsTime;
    private final Sensor txnCommitTime;
    private final Sensor txnAbortTime;

    public ProducerMetrics(String clientId, MetricsSettings settings, Clock clock, LogContext log) {
        this.clock = clock;
        this.registry = new MetricRegistry(settings, clock, log);
        this.names = new MetricNames(clientId);
        send = new SendMetrics(registry, names);
        network = new NetworkMetrics(registry, names);
        latency = new LatencyBreakdown(registry, names);
        // Recorded in seconds: a per-second rate of seconds waited is the fraction of time spent waiting.
        bufferPoolWaitRatio = registry.sensor().sumRate(names.producer("bufferpool-wait-ratio",
                "The fraction of time an appender waits for space allocation."));
        bufferPoolWaitTotal = registry.sensor().total(names.producer("bufferpool-wait-time-ns-total",
                "The total time in nanoseconds an appender waits for space allocation."));
        bufferExhausted = registry.sensor()
                .sumRate(names.producer("buffer-exhausted-rate",
                        "The average per-second number of record sends that are dropped due to buffer exhaustion"))
                .total(names.producer("buffer-exhausted-total",
                        "The total number of record sends that are dropped due to buffer exhaustion"));
        flushTime = nanosTotal(names, "flush-time-ns-total", "Total time producer has spent in flush in nanoseconds.");
        metadataWaitTime = nanosTotal(names, "metadata-wait-time-ns-total", "Total time producer has spent waiting on"
                + " topic metadata in nanoseconds (in partitionsFor: Odradek's send() does not wait for metadata).");
        txnInitTime = nanosTotal(names, "txn-init-time-ns-total",
                "Total time producer has spent in initTransactions in nanoseconds.");
        txnBeginTime = nanosTotal(names, "txn-begin-time-ns-total",
                "Total time producer has spent in beginTransaction in nanoseconds.");
        txnSendOffsetsTime = nanosTotal(names, "txn-send-offsets-time-ns-total",
                "Total time producer has spent in sendOffsetsToTransaction in nanoseconds.");
        txnCommitTime = nanosTotal(names, "txn-commit-time-ns-total",
                "Total time producer has spent in commitTransaction in nanoseconds.");
        txnAbortTime = nanosTotal(names, "txn-abort-time-ns-total",
                "Total time producer has spent in abortTransaction in nanoseconds.");
        // Odradek has no prepareTransaction (two-phase commit, KIP-939, is refused), so no time is ever spent there.
        nanosTotal(names, "txn-prepare-time-ns-total",
                "Total time producer has spent in prepareTransaction in nanoseconds.");
    }

    /** Registers the gauges of the buffer pool and of the metadata, once they exist. */
    public void bufferGauges(long totalBytes, LongSupplier availableBytes, LongSupplier waitingThreads) {
        registry.gauge(names.producer("buffer-total-bytes", "The maximum amount of buffer memory the client can use"
                + " (whether or not it is currently used)."), () -> totalBytes);
        registry.gauge(names.producer("buffer-available-bytes", "The total amount of buffer memory that is not being"
                + " used (either unallocated or in the free list)."), () -> availableBytes.getAsLong());
        registry.gauge(names.producer("waiting-threads", "The number of user threads blocked waiting for buffer"
                + " memory to enqueue their records"), () -> waitingThreads.getAsLong());
    }

    /** @param ageSeconds the age of the metadata in use, in seconds */
    public void metadataAge(DoubleSupplier ageSeconds) {
        registry.gauge(names.producer("metadata-age", "The age in seconds of the current producer metadata being"
                + " used."), ageSeconds);
    }

    public MetricRegistry registry() {
        return registry;
    }

    public SendMetrics send() {
        return send;
    }

    public NetworkMetrics network() {
        return network;
    }

    public LatencyBreakdown latency() {
        return latency;
    }

    /** An application thread waited {@code waitedNs} for buffer memory (whether or not it got it). */
    public void bufferPoolWaited(long waitedNs) {
        long nowMs = nowMs();
        bufferPoolWaitRatio.record(waitedNs / 1e9, nowMs);
        bufferPoolWaitTotal.record(waitedNs, nowMs);
    }

    /** A record failed because no buffer memory became free within max.block.ms. */
    public void bufferExhausted() {
        bufferExhausted.record(1, nowMs());
    }

    public void flushed(long tookNs) {
        flushTime.record(tookNs, nowMs());
    }

    public void waitedForMetadata(long tookNs) {
        metadataWaitTime.record(tookNs, nowMs());
    }

    public void initTransactionsTook(long tookNs) {
        txnInitTime.record(tookNs, nowMs());
    }

    public void beginTransactionTook(long tookNs) {
        txnBeginTime.record(tookNs, nowMs());
    }

    public void sendOffsetsTook(long tookNs) {
        txnSendOffsetsTime.record(tookNs, nowMs());
    }

    public void commitTransactionTook(long tookNs) {
        txnCommitTime.record(tookNs, nowMs());
    }

    public void abortTransactionTook(long tookNs) {
        txnAbortTime.record(tookNs, nowMs());
    }

    private long nowMs() {
        return clock.nanoTime() / 1_000_000L;
    }

    private Sensor nanosTotal(MetricNames names, String name, String description) {
        return registry.sensor().total(names.producer(name, description));
    }
}
