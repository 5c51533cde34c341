package io.odradek.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.odradek.api.RecordFuture;
import io.odradek.api.Acks;
import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordMetadata;
import io.odradek.api.Serializers;
import io.odradek.domain.assembly.ProducerAssembly;

/**
 * The whole {@code Producer.send()} path — serializer, partitioner, accumulator, the sender on its I/O thread
 * (drain, stamp, request encode, response decode, completion of every future) — against a transport that
 * discards the bytes and answers at once ({@link DiscardingTransportFactory}). 100-byte values, no key,
 * acks=all, idempotence on, linger 5 ms, batch.size 1 MB.
 *
 * <p>Allocation: the record is one instance reused for every send, so {@code gc.alloc.rate.norm} holds the
 * returned future plus whatever the producer allocates, plus the fake broker's response frames, which this
 * benchmark measures on its own and prints after each iteration ("fake broker: N B/op") to be subtracted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class SendToWireBenchmark {
    static final String TOPIC = "bench";

    private Producer<byte[], byte[]> producer;
    private ProducerRecord<byte[], byte[]> record;
    private DiscardingTransport transport;
    private long sends;
    private RecordFuture lastFuture;
    private long sendsAtIterationStart;
    private long fakeBytesAtIterationStart;

    @Setup(Level.Trial)
    public void setUp() {
        producer = ProducerAssembly.create(ProducerConfig.builder()
                .bootstrapServers("discard.invalid:9092")
                .acks(Acks.ALL)
                .idempotence(true)
                .linger(Duration.ofMillis(5))
                .batchSizeBytes(1_000_000)
                .build(), Serializers.byteArray(), Serializers.byteArray(), new DiscardingTransportFactory());
        transport = DiscardingTransportFactory.lastCreated();
        record = new ProducerRecord<>(TOPIC, Payloads.randomBytes(100, 1));
        // Metadata, ApiVersions and InitProducerId happen once, before measuring.
        producer.send(record).join();
    }

    @Setup(Level.Iteration)
    public void markIteration() {
        sendsAtIterationStart = sends;
        fakeBytesAtIterationStart = transport.fakeBrokerAllocatedBytes();
    }

    @Benchmark
    public RecordFuture send() {
        sends++;
        return lastFuture = producer.send(record);
    }

    @TearDown(Level.Iteration)
    public void reportFakeBroker() {
        producer.flush();
        lastFuture.join(); // fails the run if the producer failed records instead of sending them
        long records = sends - sendsAtIterationStart;
        long fakeBytes = transport.fakeBrokerAllocatedBytes() - fakeBytesAtIterationStart;
        System.out.printf("%nfake broker: %.2f B/op (%d bytes over %d sends; subtract from gc.alloc.rate.norm); "
                        + "records acknowledged so far %d of %d sent%n",
                records == 0 ? 0.0 : (double) fakeBytes / records, fakeBytes, records,
                transport.recordsAcknowledged(), sends + 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        producer.close();
    }
}
