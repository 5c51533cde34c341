package io.odradek.benchmarks;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.odradek.codec.KafkaWireProtocol;
import io.odradek.domain.port.RecordBatchFormat;
import io.odradek.domain.port.RecordBatchWriter;
import io.odradek.domain.port.WireProtocol;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.ProduceRequest;
import io.odradek.domain.protocol.RequestHeader;

/**
 * One Produce request for 6 closed, stamped batches (one per partition), per operation: grouping the batches
 * by topic into the request value as the sender does, then {@link WireProtocol#encodeRequest} at the newest
 * Produce version the codec speaks. Batch bytes are not copied (the codec returns duplicates), so the cost
 * should not grow with {@code batchSizeBytes}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DrainAndRequestEncodeBenchmark {
    static final int PARTITIONS = 6;
    private static final String TOPIC = "bench";

    @Param({"16384", "1000000"})
    public int batchSizeBytes;

    private final WireProtocol protocol = new KafkaWireProtocol();
    private final List<PartitionBatch> batches = new ArrayList<>();
    private short version;
    private int correlationId;

    private record PartitionBatch(String topic, int partition, ByteBuffer closed) {
    }

    @Setup
    public void setUp() {
        RecordBatchFormat format = protocol.recordBatchFormat();
        byte[] value = Payloads.randomBytes(100, 5);
        for (int p = 0; p < PARTITIONS; p++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(batchSizeBytes);
            RecordBatchWriter writer = format.newWriter(buffer, 1_700_000_000_000L);
            while (writer.append(1_700_000_000_000L, null, value, null) != RecordBatchWriter.DOES_NOT_FIT) {
                // fill the batch as the accumulator would
            }
            ByteBuffer closed = writer.close(null, 0, size -> {
                throw new IllegalStateException("no compression");
            });
            format.stampProducerIdentity(closed, 4242L, (short) 0, 0, false);
            batches.add(new PartitionBatch(TOPIC, p, closed));
        }
        version = protocol.supportedVersions(ApiKey.PRODUCE).max();
    }

    @Benchmark
    public ByteBuffer[] drainAndEncode() {
        Map<String, List<ProduceRequest.PartitionData>> byTopic = new LinkedHashMap<>();
        for (PartitionBatch batch : batches) {
            byTopic.computeIfAbsent(batch.topic(), t -> new ArrayList<>())
                    .add(new ProduceRequest.PartitionData(batch.partition(), batch.closed()));
        }
        List<ProduceRequest.TopicData> topics = new ArrayList<>(byTopic.size());
        byTopic.forEach((topic, partitions) -> topics.add(new ProduceRequest.TopicData(topic, partitions)));
        ProduceRequest request = new ProduceRequest(null, (short) -1, 30_000, topics);
        return protocol.encodeRequest(new RequestHeader(ApiKey.PRODUCE, version, correlationId++, "bench"),
                request);
    }
}
