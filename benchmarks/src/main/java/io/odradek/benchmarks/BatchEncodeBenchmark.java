package io.odradek.benchmarks;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.odradek.codec.KafkaWireProtocol;
import io.odradek.domain.port.RecordBatchFormat;
import io.odradek.domain.port.RecordBatchWriter;

/**
 * Building one RecordBatch v2 of {@value #RECORDS} 100-byte records into a direct buffer, closing it and
 * stamping the producer identity (which computes the CRC32C over the ~100 KiB batch). Scores are per record
 * ({@code buildCloseAndStamp}) and per batch ({@code stampOnly}: CRC32C and header writes alone).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BatchEncodeBenchmark {
    static final int RECORDS = 1000;

    private final RecordBatchFormat format = new KafkaWireProtocol().recordBatchFormat();
    private final byte[] value = Payloads.randomBytes(100, 3);
    private ByteBuffer buffer;
    private ByteBuffer closedBatch;
    private int sequence;

    @Setup
    public void setUp() {
        buffer = ByteBuffer.allocateDirect(RECORDS * (format.maxRecordSizeBytes(-1, value.length, null) + 8)
                + format.batchHeaderSizeBytes());
        closedBatch = build();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public ByteBuffer buildCloseAndStamp() {
        ByteBuffer batch = build();
        format.stampProducerIdentity(batch, 4242L, (short) 0, sequence = (sequence + RECORDS) & 0x3FFFFFFF, false);
        return batch;
    }

    @Benchmark
    public ByteBuffer stampOnly() {
        format.stampProducerIdentity(closedBatch, 4242L, (short) 0, sequence = (sequence + RECORDS) & 0x3FFFFFFF, false);
        return closedBatch;
    }

    private ByteBuffer build() {
        buffer.clear();
        long timestampMs = 1_700_000_000_000L;
        RecordBatchWriter writer = format.newWriter(buffer, timestampMs);
        for (int i = 0; i < RECORDS; i++) {
            if (writer.append(timestampMs + i, null, value, null) == RecordBatchWriter.DOES_NOT_FIT) {
                throw new IllegalStateException("batch buffer too small at record " + i);
            }
        }
        return writer.close(null, 0, size -> {
            throw new IllegalStateException("no compression, no second buffer");
        });
    }
}
