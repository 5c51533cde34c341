package io.odradek.compression;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.odradek.api.CompressionType;
import io.odradek.domain.port.CompressionCodec;

class ConcurrencyTest {

    /** One codec instance shared by threads that each use their own level and input, as producers would. */
    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"GZIP", "SNAPPY", "LZ4", "ZSTD"})
    void oneInstanceServesManyThreadsAtOnce(CompressionType type) throws Exception {
        CompressionCodec codec = TestData.codec(type);
        int[] levels = TestData.levels(type);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 16; task++) {
                int level = levels[task % levels.length];
                byte[] input = task % 2 == 0 ? TestData.json(50_000 + task, task) : TestData.mixed(200_000, task);
                results.add(executor.submit(() -> {
                    ByteBuffer dst = ByteBuffer.allocateDirect(codec.maxCompressedSizeBytes(input.length));
                    codec.compress(ByteBuffer.wrap(input), dst, level);
                    return java.util.Arrays.equals(TestData.toBytes(codec.decompress(dst.flip())), input);
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
