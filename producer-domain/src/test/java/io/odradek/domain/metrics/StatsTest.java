package io.odradek.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The statistics keep Kafka's semantics: sampled windows, a rate's minimum elapsed time, NaN when empty. */
class StatsTest {
    private final MetricsSettings twoSecondWindows = new MetricsSettings(2, 1_000);

    @Test
    void rateDividesBySampledTimeButAtLeastAllWindowsButOneAndForgetsExpiredSamples() {
        Stat rate = Stats.sumRate(twoSecondWindows);
        rate.record(10, 0);
        assertThat(rate.measure(0)).as("a young sample counts as one window").isEqualTo(10.0);
        rate.record(10, 1_500);
        assertThat(rate.measure(1_500)).isCloseTo(20 / 1.5, within(1e-9));
        assertThat(rate.measure(2_500)).as("the first sample has expired").isEqualTo(10.0);
        assertThat(rate.measure(10_000)).isZero();
    }

    @Test
    void countRateCountsEventsNotValues() {
        Stat rate = Stats.countRate(twoSecondWindows);
        rate.record(500, 0);
        rate.record(700, 10);
        assertThat(rate.measure(10)).as("2 events over 10 ms plus the one window counted as elapsed")
                .isCloseTo(2 / 1.010, within(1e-9));
    }

    @Test
    void avgAndMaxAreNaNWithoutValuesInTheWindowAndTotalsNeverForget() {
        Stat avg = Stats.avg(twoSecondWindows);
        Stat max = Stats.max(twoSecondWindows);
        Stat total = Stats.total();
        Stat count = Stats.count();
        assertThat(avg.measure(0)).isNaN();
        assertThat(max.measure(0)).isNaN();
        for (Stat stat : new Stat[] {avg, max, total, count}) {
            stat.record(2, 0);
            stat.record(6, 100);
        }
        assertThat(avg.measure(100)).isEqualTo(4.0);
        assertThat(max.measure(100)).isEqualTo(6.0);
        assertThat(avg.measure(5_000)).isNaN();
        assertThat(total.measure(5_000)).isEqualTo(8.0);
        assertThat(count.measure(5_000)).isEqualTo(2.0);
    }

    @Test
    void histogramPercentilesAreWeightedNeverBelowTheTrueValueAndNeverAboveTheMax() {
        LatencyHistogram histogram = new LatencyHistogram(twoSecondWindows);
        for (int ms = 1; ms <= 100; ms++) {
            histogram.record(ms, 1, 0);
        }
        assertThat(histogram.percentile(0.50, 0)).isBetween(50.0, 50 * 1.19);
        assertThat(histogram.percentile(0.99, 0)).isBetween(99.0, 100.0);
        assertThat(histogram.percentile(1.0, 0)).as("capped at the maximum").isEqualTo(100.0);
        assertThat(histogram.mean(0)).isEqualTo(50.5);

        LatencyHistogram weighted = new LatencyHistogram(twoSecondWindows);
        weighted.record(1, 99, 0);
        weighted.record(500, 1, 0);
        assertThat(weighted.percentile(0.99, 0)).isBetween(1.0, 1.19);
        assertThat(weighted.percentile(0.999, 0)).isEqualTo(500.0);
        assertThat(weighted.mean(0)).isCloseTo((99 + 500) / 100.0, within(1e-9));
    }
}
