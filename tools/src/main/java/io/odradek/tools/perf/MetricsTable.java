package io.odradek.tools.perf;

import java.util.Map;

/** Name/value rows laid out like the metrics table Kafka's tools print with {@code --print-metrics}. */
final class MetricsTable {
    private MetricsTable() {
    }

    static String format(Map<String, ?> metrics) {
        int width = "Metric Name".length();
        for (String name : metrics.keySet()) {
            width = Math.max(width, name.length());
        }
        String row = "%-" + width + "s : %s%n";
        StringBuilder table = new StringBuilder();
        table.append(String.format("%n%-" + width + "s   %s%n", "Metric Name", "Value"));
        metrics.forEach((name, value) -> table.append(String.format(row, name, value)));
        return table.toString();
    }
}
