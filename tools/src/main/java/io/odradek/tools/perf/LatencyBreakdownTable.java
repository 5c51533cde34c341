package io.odradek.tools.perf;

import java.util.Locale;
import java.util.Map;

/**
 * The latency breakdown of {@code producer-latency-metrics} as a small table: one row per stage a record goes
 * through, its mean, median, 99th percentile and maximum in milliseconds. Empty when the producer has no such
 * metrics (Kafka's Producer API through {@code --compat} has them too, since it runs on Odradek).
 */
final class LatencyBreakdownTable {
    private static final String[] STAGES = {"metadata-wait", "accumulator", "connection-wait", "in-flight"};
    private static final String[] STATS = {"avg", "p50", "p99", "max"};
    private static final String GROUP = "producer-latency-metrics:";

    private LatencyBreakdownTable() {
    }

    static String format(Map<String, Double> metrics) {
        StringBuilder table = new StringBuilder();
        for (String stage : STAGES) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-16s", stage));
            boolean found = false;
            for (String stat : STATS) {
                Double value = find(metrics, stage + "-time-ms-" + stat);
                found |= value != null;
                row.append(String.format(Locale.ROOT, " %10s", value == null || value.isNaN() ? "-"
                        : String.format(Locale.ROOT, "%.3f", value)));
            }
            if (found) {
                table.append(row).append('\n');
            }
        }
        if (table.length() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%nWhere each record's time went, in ms (producer-latency-metrics):%n"
                + "%-16s %10s %10s %10s %10s%n", "stage", "avg", "p50", "p99", "max") + table;
    }

    private static Double find(Map<String, Double> metrics, String name) {
        for (Map.Entry<String, Double> entry : metrics.entrySet()) {
            if (entry.getKey().startsWith(GROUP + name + ":")) {
                return entry.getValue();
            }
        }
        return null;
    }
}
