package io.odradek.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.odradek.api.RecordFuture;
import io.odradek.api.RecordMetadata;
import io.odradek.codec.KafkaWireProtocol;
import io.odradek.domain.accumulator.BufferPool;
import io.odradek.domain.accumulator.PartitionQueue;
import io.odradek.domain.accumulator.PollSchedule;
import io.odradek.domain.accumulator.ProducerBatch;
import io.odradek.domain.accumulator.RecordAccumulator;
import io.odradek.domain.port.Clock;

/**
 * {@link RecordAccumulator#append} of 100-byte values (no key, no headers) round-robin over 6 partitions with
 * Kafka's default batch.size (16 KiB), from one and from four threads sharing one accumulator.
 *
 * <p>Full batches must leave, or memory runs out: every {@value #DRAIN_EVERY} appends the appending thread
 * itself takes the full batches off the queues and gives their buffers back to the pool, as the sender would
 * after the broker's answer. That work (about one queue poll and one pool release per ~140 records) is
 * included in the score; a background drainer instead would take a core away from the appenders on a small
 * machine and hide its cost. Futures are never completed here: completion is the send path's cost, measured
 * in {@link SendToWireBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AccumulatorAppendBenchmark {
    static final int PARTITIONS = 6;
    static final int BATCH_SIZE_BYTES = 16_384;
    static final long BUFFER_MEMORY_BYTES = 32L * 1024 * 1024;
    static final int DRAIN_EVERY = 1024;
    private static final long MAX_BLOCK_NS = TimeUnit.SECONDS.toNanos(60);
    private static final String TOPIC = "bench";

    private RecordAccumulator accumulator;
    private final byte[] value = Payloads.randomBytes(100, 7);

    @Setup
    public void setUp() {
        Clock clock = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public long currentTimeMillis() {
                return System.currentTimeMillis();
            }
        };
        accumulator = new RecordAccumulator(new KafkaWireProtocol().recordBatchFormat(),
                new BufferPool(BUFFER_MEMORY_BYTES, BATCH_SIZE_BYTES), clock, BATCH_SIZE_BYTES,
                new PollSchedule(() -> { }, 0));
    }

    /** Each appending thread's own round-robin position. */
    @State(Scope.Thread)
    public static class Appender {
        int appends;
        long timestampMs = System.currentTimeMillis();
    }

    @Benchmark
    @Threads(1)
    public RecordFuture oneThread(Appender appender) throws InterruptedException {
        return append(appender);
    }

    @Benchmark
    @Threads(4)
    public RecordFuture fourThreads(Appender appender) throws InterruptedException {
        return append(appender);
    }

    private RecordFuture append(Appender appender) throws InterruptedException {
        int n = appender.appends++;
        if (n % DRAIN_EVERY == DRAIN_EVERY - 1) {
            drainFullBatches();
        }
        return accumulator.append(TOPIC, n % PARTITIONS, appender.timestampMs, null, value, null, null,
                MAX_BLOCK_NS, false);
    }

    /** Takes every batch that has another behind it (so is closed to appends) and recycles its buffer. */
    private void drainFullBatches() {
        for (PartitionQueue queue : accumulator.queues()) {
            while (true) {
                ProducerBatch batch;
                synchronized (queue) {
                    if (!queue.hasBatchBehindFirst()) {
                        break;
                    }
                    batch = accumulator.takeFirst(queue);
                }
                accumulator.completed(batch);
                accumulator.release(batch);
            }
        }
    }
}
