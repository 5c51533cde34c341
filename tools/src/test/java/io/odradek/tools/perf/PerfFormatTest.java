package io.odradek.tools.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Expected lines are Kafka 4.1's ProducerPerformance format strings filled in by hand. */
class PerfFormatTest {

    @Test
    void windowLineMatchesKafkasProgressLine() {
        String line = PerfFormat.windowLine(1000, 100_000, 5000, 20, 5000);

        assertThat(line).isEqualTo(
                "1000 records sent, 200.0 records/sec (0.02 MB/sec), 5.0 ms avg latency, 20.0 ms max latency.");
    }

    @Test
    void summaryLineMatchesKafkasFinalLine() {
        String line = PerfFormat.summaryLine(50_000, 50_000L * 1024, 150_000, 321, 10_000, new int[] {2, 9, 40, 300});

        assertThat(line).isEqualTo("50000 records sent, 5000.0 records/sec (4.88 MB/sec), 3.00 ms avg latency, "
                + "321.00 ms max latency, 2 ms 50th, 9 ms 95th, 40 ms 99th, 300 ms 99.9th.");
    }

    @Test
    void percentilesTakeTheSampleAtIndexPercentileTimesSize() {
        int[] samples = {5, 1, 4, 2, 3};

        int[] values = PerfFormat.percentiles(samples, 5, 0.5, 0.95, 0.99, 0.999);

        // Sorted 1..5: index (int)(0.5 * 5) = 2 holds 3; (int)(0.95 * 5) = 4 holds 5.
        assertThat(values).containsExactly(3, 5, 5, 5);
    }

    @Test
    void percentilesOfAThousandShuffledSamples() {
        List<Integer> latencies = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            latencies.add(i);
        }
        Collections.shuffle(latencies, new Random(7));
        int[] samples = latencies.stream().mapToInt(Integer::intValue).toArray();

        assertThat(PerfFormat.percentiles(samples, 1000, PerfFormat.PERCENTILES)).containsExactly(501, 951, 991, 1000);
    }

    @Test
    void percentilesLookOnlyAtTheFilledPartOfTheSampleArray() {
        int[] samples = {9, 7, 8, 0, 0, 0, 0, 0};

        assertThat(PerfFormat.percentiles(samples, 3, 0.0, 0.5)).containsExactly(7, 8);
    }

    @Test
    void percentilesWithoutSamplesAreZero() {
        assertThat(PerfFormat.percentiles(new int[4], 0, PerfFormat.PERCENTILES)).containsExactly(0, 0, 0, 0);
    }
}
