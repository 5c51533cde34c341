package io.odradek.tools.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {
    private long nowMs;
    private final List<String> progress = new ArrayList<>();

    @Test
    void printsAWindowLineOnTheFirstAcknowledgementFiveSecondsAfterTheWindowBegan() {
        LatencyStats stats = new LatencyStats(100, () -> nowMs, progress::add);

        stats.record(3, 10, 4_999);
        assertThat(progress).isEmpty();

        nowMs = 5_000;
        stats.record(7, 10, 5_000);
        assertThat(progress).containsExactly(
                "2 records sent, 0.4 records/sec (0.00 MB/sec), 5.0 ms avg latency, 7.0 ms max latency.");

        stats.record(1, 10, 9_999);
        nowMs = 10_000;
        stats.record(1, 10, 10_000);
        assertThat(progress).hasSize(2).last().isEqualTo(
                "2 records sent, 0.4 records/sec (0.00 MB/sec), 1.0 ms avg latency, 1.0 ms max latency.");
    }

    @Test
    void summaryCoversTheWholeRunAndSamplesEverySecondLatencyForAMillionRecords() {
        LatencyStats stats = new LatencyStats(1_000_000, () -> nowMs, progress::add);
        for (int latency = 0; latency < 10; latency++) {
            stats.record(latency, 100, 0);
        }
        nowMs = 1_000;

        // Sampled latencies 0, 2, 4, 6, 8 (every second one): the 50th is at index 2.
        assertThat(stats.summaryLine()).isEqualTo("10 records sent, 10.0 records/sec (0.00 MB/sec), "
                + "4.50 ms avg latency, 9.00 ms max latency, 4 ms 50th, 8 ms 95th, 8 ms 99th, 8 ms 99.9th.");
        assertThat(stats.count()).isEqualTo(10);
        assertThat(stats.bytes()).isEqualTo(1_000);
    }

    @Test
    void keepsEveryLatencyForSmallRuns() {
        LatencyStats stats = new LatencyStats(4, () -> nowMs, progress::add);
        stats.record(40, 1, 0);
        stats.record(10, 1, 0);
        stats.record(30, 1, 0);
        stats.record(20, 1, 0);
        nowMs = 2_000;

        assertThat(stats.summaryLine()).endsWith("30 ms 50th, 40 ms 95th, 40 ms 99th, 40 ms 99.9th.");
    }
}
