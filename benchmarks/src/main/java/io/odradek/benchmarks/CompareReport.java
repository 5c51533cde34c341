package io.odradek.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code CompareReport RUNS.csv MEDIANS.csv CHART.svg}: reads the per-run rows compare.sh wrote, prints one
 * table per scenario (median per side and the ratio odradek/Kafka), writes the medians as CSV and the chart.
 *
 * <p>Run rows: {@code scenario,side,round,processes,records,records_per_sec,mb_per_sec,avg_ms,max_ms,p50_ms,
 * p95_ms,p99_ms,p999_ms,cpu_s,peak_rss_kb,description}; side is {@code odradek} or {@code kafka} (both plain
 * {@code java -Xmx}), or {@code odradek-launcher} (odradek through its launcher's JVM flags, an extra column with its
 * own ratio to Kafka), except in S1C, which compares Odradek through Kafka's Producer interface
 * ({@code odradek-compat}, the subject) with Odradek's own API ({@code odradek}, the reference) and is left out of
 * the chart.
 */
public final class CompareReport {
    static final String ODRADEK = "odradek";
    static final String KAFKA = "kafka";
    static final String ODRADEK_COMPAT = "odradek-compat";
    static final String ODRADEK_LAUNCHER = "odradek-launcher";

    /** The metrics of the table: column in the run rows, label, and how the median is shown. */
    enum Metric {
        RECORDS_PER_SEC(5, "records/s", "%.0f"),
        MB_PER_SEC(6, "MB/s", "%.2f"),
        AVG_MS(7, "avg latency ms", "%.2f"),
        P50_MS(9, "p50 ms", "%.0f"),
        P99_MS(11, "p99 ms", "%.0f"),
        P999_MS(12, "p99.9 ms", "%.0f"),
        CPU_S(13, "client CPU s (user+sys)", "%.2f"),
        CPU_US_PER_RECORD(-1, "client CPU us/record", "%.3f"),
        PEAK_RSS_MB(-2, "peak RSS MB", "%.0f");

        final int column;
        final String label;
        final String format;

        Metric(int column, String label, String format) {
            this.column = column;
            this.label = label;
            this.format = format;
        }

        double of(String[] row) {
            return switch (this) {
                case CPU_US_PER_RECORD -> Double.parseDouble(row[13]) * 1e6 / Double.parseDouble(row[4]);
                case PEAK_RSS_MB -> Double.parseDouble(row[14]) / 1024.0;
                default -> Double.parseDouble(row[column]);
            };
        }
    }

    /**
     * Medians of one scenario, per side: {@code odradek} holds the subject's (Odradek, or Odradek through Kafka's
     * interface in S1C), {@code kafka} the reference's (Kafka's producer, or Odradek's own API in S1C);
     * {@code launcher} Odradek's through its launcher's JVM flags, empty when there were no such runs.
     */
    record ScenarioResult(String scenario, String description, int odradekRuns, int kafkaRuns, int kafkaProcesses,
                          Map<Metric, Double> odradek, Map<Metric, Double> kafka, String subjectSide,
                          String referenceSide, Map<Metric, Double> launcher) {
        boolean againstKafka() {
            return referenceSide.equals(KAFKA);
        }

        boolean hasLauncher() {
            return !launcher.isEmpty();
        }

        double ratio(Metric metric) {
            return ratio(odradek, metric);
        }

        double launcherRatio(Metric metric) {
            return ratio(launcher, metric);
        }

        private double ratio(Map<Metric, Double> ours, Metric metric) {
            double theirs = kafka.get(metric);
            return theirs == 0 ? Double.NaN : ours.get(metric) / theirs;
        }
    }

    private CompareReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: CompareReport RUNS.csv MEDIANS.csv CHART.svg");
            System.exit(2);
        }
        List<ScenarioResult> results = summarize(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8));
        printTables(results, System.out);
        Files.writeString(Path.of(args[1]), mediansCsv(results), StandardCharsets.UTF_8);
        Files.writeString(Path.of(args[2]), CompareChart.svg(results.stream().filter(ScenarioResult::againstKafka)
                .toList()), StandardCharsets.UTF_8);
    }

    static List<ScenarioResult> summarize(List<String> lines) {
        Map<String, List<String[]>> byScenario = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("scenario,")) {
                continue;
            }
            String[] row = line.split(",", 16);
            byScenario.computeIfAbsent(row[0], s -> new ArrayList<>()).add(row);
        }
        List<ScenarioResult> results = new ArrayList<>();
        byScenario.forEach((scenario, rows) -> {
            boolean compat = rows.stream().anyMatch(r -> r[1].equals(ODRADEK_COMPAT));
            String subject = compat ? ODRADEK_COMPAT : ODRADEK;
            String reference = compat ? ODRADEK : KAFKA;
            List<String[]> ours = rows.stream().filter(r -> r[1].equals(subject)).toList();
            List<String[]> theirs = rows.stream().filter(r -> r[1].equals(reference)).toList();
            List<String[]> launcher = rows.stream().filter(r -> r[1].equals(ODRADEK_LAUNCHER)).toList();
            if (ours.isEmpty() || theirs.isEmpty()) {
                return;
            }
            // Kafka's rows say so when KAFKA_PROPS gave its tool more properties than ours got.
            results.add(new ScenarioResult(scenario, theirs.get(0)[15], ours.size(), theirs.size(),
                    Integer.parseInt(theirs.get(0)[3]), medians(ours), medians(theirs), subject, reference,
                    launcher.isEmpty() ? Map.of() : medians(launcher)));
        });
        return results;
    }

    private static Map<Metric, Double> medians(List<String[]> rows) {
        Map<Metric, Double> medians = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            double[] values = rows.stream().mapToDouble(metric::of).sorted().toArray();
            int mid = values.length / 2;
            medians.put(metric, values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2);
        }
        return medians;
    }

    static void printTables(List<ScenarioResult> results, PrintStream out) {
        for (ScenarioResult result : results) {
            out.println();
            out.printf("%s: %s%n", result.scenario(), result.description());
            out.printf("medians of %d %s run(s) and %d %s run(s)%s%n", result.odradekRuns(), result.subjectSide(),
                    result.kafkaRuns(), result.referenceSide(), result.kafkaProcesses() > 1
                            ? "; Kafka side = " + result.kafkaProcesses() + " ProducerPerformance processes at once "
                            + "(records/s, MB/s, CPU and RSS summed over them; latencies the worst of them)"
                            : "");
            out.printf("  %-26s %14s %14s %9s%s%n", "metric", result.subjectSide(), result.referenceSide(), "ratio",
                    result.hasLauncher() ? String.format("   %16s %9s", "launcher flags", "ratio") : "");
            for (Metric metric : Metric.values()) {
                out.printf(Locale.ROOT, "  %-26s %14s %14s %9.2f%s%n", metric.label,
                        String.format(Locale.ROOT, metric.format, result.odradek().get(metric)),
                        String.format(Locale.ROOT, metric.format, result.kafka().get(metric)), result.ratio(metric),
                        result.hasLauncher() ? String.format(Locale.ROOT, "   %16s %9.2f",
                                String.format(Locale.ROOT, metric.format, result.launcher().get(metric)),
                                result.launcherRatio(metric)) : "");
            }
        }
    }

    static String mediansCsv(List<ScenarioResult> results) {
        StringBuilder csv = new StringBuilder("scenario,metric,odradek_median,kafka_median,ratio,odradek_runs,"
                + "kafka_runs,kafka_processes,launcher_median,launcher_ratio,description\n");
        for (ScenarioResult result : results) {
            for (Metric metric : Metric.values()) {
                String launcher = result.hasLauncher() ? String.format(Locale.ROOT, "%.6g,%.4f",
                        result.launcher().get(metric), result.launcherRatio(metric)) : ",";
                csv.append(String.format(Locale.ROOT, "%s,%s,%.6g,%.6g,%.4f,%d,%d,%d,%s,%s%n", result.scenario(),
                        metric.name().toLowerCase(Locale.ROOT), result.odradek().get(metric),
                        result.kafka().get(metric), result.ratio(metric), result.odradekRuns(), result.kafkaRuns(),
                        result.kafkaProcesses(), launcher, result.description()));
            }
        }
        return csv.toString();
    }
}
