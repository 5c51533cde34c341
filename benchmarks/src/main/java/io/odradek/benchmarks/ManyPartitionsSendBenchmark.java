package io.odradek.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordFuture;
import io.odradek.api.Serializers;
import io.odradek.domain.assembly.ProducerAssembly;

/**
 * Scenario S9's send path without a broker: 100-byte values under random keys to one topic of {@code partitions}
 * partitions, every setting at its default (linger 5 ms, 16 KB batches, acks=all, idempotence), against the
 * discarding transport. The drain visits every partition with something queued each time the I/O thread wakes; a
 * drain whose cost grew with the partition count would show here as a cost per record that grows from 6 to 1,000
 * partitions faster than the batches get smaller. Read with {@code -prof gc} (allocation per record) and compare
 * the scores across {@code partitions}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class ManyPartitionsSendBenchmark {
    private static final int KEYS = 100_000;

    @Param({"6", "100", "1000"})
    public int partitions;

    private Producer<byte[], byte[]> producer;
    private byte[][] keys;
    private byte[] value;
    private int next;
    private RecordFuture lastFuture;

    @Setup(Level.Trial)
    public void setUp() {
        producer = ProducerAssembly.create(ProducerConfig.builder().bootstrapServers("discard.invalid:9092").build(),
                Serializers.byteArray(), Serializers.byteArray(), new DiscardingTransportFactory(partitions));
        // Random keys, made before measuring: the murmur2 of each spreads the records over every partition.
        SplittableRandom random = new SplittableRandom(9);
        keys = new byte[KEYS][];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = Long.toString(random.nextLong()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        value = Payloads.randomBytes(100, 1);
        // Metadata, ApiVersions and InitProducerId happen once, before measuring.
        producer.send(new ProducerRecord<>(SendToWireBenchmark.TOPIC, keys[0], value)).join();
    }

    @Benchmark
    public RecordFuture send() {
        byte[] key = keys[next];
        next = next + 1 == KEYS ? 0 : next + 1;
        return lastFuture = producer.send(new ProducerRecord<>(SendToWireBenchmark.TOPIC, key, value));
    }

    @TearDown(Level.Iteration)
    public void awaitAcknowledged() {
        producer.flush();
        lastFuture.join(); // fails the run if the producer failed records instead of sending them
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        producer.close();
    }
}
