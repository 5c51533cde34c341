package io.odradek.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.utils.ByteBufferOutputStream;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.odradek.api.CompressionType;
import io.odradek.compression.GzipCodec;
import io.odradek.compression.Lz4Codec;
import io.odradek.compression.SnappyCodec;
import io.odradek.compression.ZstdCodec;
import io.odradek.domain.port.CompressionCodec;

/**
 * Compressing one ~1 MiB batch of records, per codec at its default level, ours and Kafka's on the same bytes.
 * Score: batches per second (multiply by {@value #INPUT_BYTES} for bytes/s).
 *
 * <ul>
 *   <li>{@code odradek}: our {@link CompressionCodec}, direct buffer to direct buffer, the whole batch in one
 *       call, as the sender compresses a batch when it drains it.</li>
 *   <li>{@code kafkaOneWrite}: Kafka's {@code Compression.of(type).build().wrapForOutput(...)} stream into a
 *       heap {@link ByteBufferOutputStream}, the whole input in one {@code write}: Kafka's codec at its best.</li>
 *   <li>{@code kafkaPerRecordWrites}: the same stream written one record at a time, as Kafka's producer
 *       feeds it while appending (it also writes each record's small header fields separately; not modelled).</li>
 * </ul>
 * Inputs: {@code json}, JSON-like order events of ~200-400 bytes; {@code random}, 1000-byte records of random
 * bytes (incompressible).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CompressionBenchmark {
    static final int INPUT_BYTES = 1024 * 1024;

    @Param({"gzip", "snappy", "lz4", "zstd"})
    public String codec;

    @Param({"json", "random"})
    public String data;

    private CompressionCodec ours;
    private int level;
    private Compression kafka;
    private byte[] input;
    private int[] recordEnds;
    private ByteBuffer source;
    private ByteBuffer target;
    private ByteBuffer kafkaTarget;
    private long compressedBytes;
    private long compressions;

    @Setup
    public void setUp() {
        CompressionType type = CompressionType.parse(codec);
        ours = switch (type) {
            case GZIP -> new GzipCodec();
            case SNAPPY -> new SnappyCodec();
            case LZ4 -> new Lz4Codec();
            case ZSTD -> new ZstdCodec();
            case NONE -> throw new IllegalArgumentException(codec);
        };
        ours.checkAvailable();
        level = type.defaultLevel();
        kafka = Compression.of(org.apache.kafka.common.record.CompressionType.forName(codec)).build();
        buildInput();
        source = ByteBuffer.allocateDirect(input.length).put(input).flip();
        target = ByteBuffer.allocateDirect(ours.maxCompressedSizeBytes(input.length));
        kafkaTarget = ByteBuffer.allocate(input.length + input.length / 8 + 1024);
    }

    private void buildInput() {
        SplittableRandom random = new SplittableRandom(11);
        List<byte[]> records = new ArrayList<>();
        int total = 0;
        while (total < INPUT_BYTES) {
            byte[] record = data.equals("json") ? Payloads.jsonRecord(random) : Payloads.randomBytes(1000,
                    random.nextLong());
            int take = Math.min(record.length, INPUT_BYTES - total);
            records.add(take == record.length ? record : Arrays.copyOf(record, take));
            total += take;
        }
        input = new byte[total];
        recordEnds = new int[records.size()];
        int at = 0;
        for (int i = 0; i < records.size(); i++) {
            System.arraycopy(records.get(i), 0, input, at, records.get(i).length);
            at += records.get(i).length;
            recordEnds[i] = at;
        }
    }

    @Benchmark
    public int odradek() {
        source.clear();
        target.clear();
        int written = ours.compress(source, target, level);
        compressedBytes += written;
        compressions++;
        return written;
    }

    @Benchmark
    public int kafkaOneWrite() throws IOException {
        ByteBufferOutputStream out = new ByteBufferOutputStream(kafkaTarget.clear());
        try (OutputStream compressed = kafka.wrapForOutput(out, RecordBatch.MAGIC_VALUE_V2)) {
            compressed.write(input, 0, input.length);
        }
        return out.position();
    }

    @Benchmark
    public int kafkaPerRecordWrites() throws IOException {
        ByteBufferOutputStream out = new ByteBufferOutputStream(kafkaTarget.clear());
        try (OutputStream compressed = kafka.wrapForOutput(out, RecordBatch.MAGIC_VALUE_V2)) {
            int start = 0;
            for (int end : recordEnds) {
                compressed.write(input, start, end - start);
                start = end;
            }
        }
        return out.position();
    }

    @TearDown
    public void reportRatio() {
        if (compressions > 0) {
            System.out.printf("%n%s/%s: %d -> %d bytes (ratio %.3f)%n", codec, data, input.length,
                    compressedBytes / compressions, (double) compressedBytes / compressions / input.length);
        }
    }
}
