package io.odradek.tools.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.odradek.tools.UsageException;

class PerfPiecesTest {

    private static PerfOptions options(String line) throws UsageException {
        return PerfOptions.parse(line.split(" "));
    }

    @Test
    void randomPayloadsAreUniformUppercaseLetters() throws UsageException {
        Payloads payloads = Payloads.forThread(options("--topic t --num-records 2 --record-size 100 --throughput -1"),
                List.of(), 0);
        int[] counts = new int[26];
        int records = 2_600;

        for (int record = 0; record < records; record++) {
            byte[] payload = payloads.next(record);
            assertThat(payload).hasSize(100);
            for (byte b : payload) {
                assertThat(b).isBetween((byte) 'A', (byte) 'Z');
                counts[b - 'A']++;
            }
        }
        // 10,000 draws expected per letter; a fair source stays within a few percent of it.
        for (int count : counts) {
            assertThat(count).isBetween(9_400, 10_600);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 4, 5, 7, 8, 100, 10_001})
    void eachDrawGivesFourLettersFromItsSixteenBitFieldsLowestFirst(int length) {
        SplittableRandom expectedDraws = new SplittableRandom(42);
        byte[] expected = new byte[length];
        for (int i = 0; i < length; i += 4) {
            long draw = expectedDraws.nextLong();
            for (int k = 0; k < 4 && i + k < length; k++) {
                expected[i + k] = (byte) ('A' + ((((draw >>> (16 * k)) & 0xFFFF) * 26) >>> 16));
            }
        }
        byte[] payload = new byte[length];
        SplittableRandom draws = new SplittableRandom(42);

        Payloads.fillWithRandomLetters(payload, draws);

        assertThat(payload).isEqualTo(expected);
        assertThat(draws.nextLong()).as("the next draw after the payload's").isEqualTo(expectedDraws.nextLong());
    }

    @Test
    void oneArrayIsRefilledForEveryRecordAsInKafkasTool() throws UsageException {
        Payloads payloads = Payloads.forThread(options("--topic t --num-records 2 --record-size 8 --throughput -1"),
                List.of(), 0);

        byte[] first = payloads.next(0);
        byte[] firstContent = first.clone();
        byte[] second = payloads.next(1);

        assertThat(second).isSameAs(first);
        assertThat(second).isNotEqualTo(firstContent);
    }

    @Test
    void monotonicPayloadIsTheRecordNumber() throws UsageException {
        Payloads payloads = Payloads.forThread(options("--topic t --num-records 50 --payload-monotonic --throughput -1"),
                List.of(), 1);

        assertThat(new String(payloads.next(42), StandardCharsets.UTF_8)).isEqualTo("42");
    }

    @Test
    void payloadFileIsSplitAtTheDelimiterAndAnnounced(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("payloads.txt");
        Files.writeString(file, "a\nbb\nccc\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        List<byte[]> read = Payloads.readFile(file, "\n", new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(read).extracting(bytes -> new String(bytes, StandardCharsets.UTF_8)).containsExactly("a", "bb", "ccc");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Reading payloads from: " + file.toAbsolutePath())
                .contains("Number of messages read: 3");
        Payloads payloads = Payloads.forThread(options("--topic t --num-records 5 --payload-file x --throughput -1"),
                read, 0);
        assertThat(new String(payloads.next(0), StandardCharsets.UTF_8)).isIn("a", "bb", "ccc");
    }

    @Test
    void emptyPayloadFileIsRefusedWithKafkasMessage(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("empty.txt"));

        assertThatThrownBy(() -> Payloads.readFile(file, "\n", new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8))).hasMessage("File does not exist or empty file provided.");
    }

    @Test
    void threadsSplitTheRecordsWithTheRemainderOnTheFirst() {
        assertThat(List.of(SendingThreads.share(10, 3, 0), SendingThreads.share(10, 3, 1), SendingThreads.share(10, 3, 2)))
                .containsExactly(4L, 3L, 3L);
        assertThat(SendingThreads.share(2, 4, 3)).isZero();
    }

    @Test
    void throttlesOnlyWhileAheadOfTheTarget() {
        long second = 1_000L;
        Throttler throttler = new Throttler(100, 0);

        assertThat(throttler.shouldThrottle(50, second)).isFalse();
        assertThat(throttler.shouldThrottle(101, second)).isTrue();
        assertThat(throttler.shouldThrottle(1, 0)).isFalse();
        assertThat(new Throttler(-1, 0).shouldThrottle(Long.MAX_VALUE, second)).isFalse();
    }

    @Test
    void odradekLineCarriesCpuPerRecordAndHeap() {
        String line = ClientUsage.line(1_230_000_000L, 4_000_000, 210L * 1024 * 1024, "nio", 2, 0);

        assertThat(line).isEqualTo(
                "odradek: client cpu 1.23 s (0.31 us/record), peak heap 210 MB, transport nio, threads 2, failed 0");
        assertThat(ClientUsage.line(-1, 10, 0, "auto", 1, 3)).startsWith("odradek: client cpu n/a,").endsWith("failed 3");
    }

    @Test
    void measuresSomeCpuTime() {
        ClientUsage usage = ClientUsage.start();
        long sum = 0;
        for (int i = 0; i < 50_000_000 && usage.cpuNsSinceStart() == 0; i++) {
            sum += i;
        }
        assertThat(sum).isNotNegative();
        assertThat(usage.cpuNsSinceStart()).isPositive();
        assertThat(ClientUsage.peakHeapBytes()).isPositive();
    }

    @Test
    void metricsTableAlignsNamesLikeKafka() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("odradek-perf:records-failed", 0);
        metrics.put("x", 12);

        String table = MetricsTable.format(metrics);

        assertThat(table.lines().toList()).containsExactly(
                "",
                "Metric Name                   Value",
                "odradek-perf:records-failed : 0",
                "x                           : 12");
    }
}
