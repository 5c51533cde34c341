package io.odradek.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * The comparison chart as a self-contained SVG: two panels of grouped bars per scenario, odradek next to
 * Kafka's producer — throughput (records/s, higher is better) and client CPU per record (µs, lower is
 * better), medians of the alternated runs, each bar labelled with its value.
 */
final class CompareChart {
    private static final int PANEL_WIDTH = 520;
    private static final int PANEL_HEIGHT = 300;
    private static final int MARGIN = 60;
    private static final String OURS_COLOR = "#2b7bb9";
    private static final String KAFKA_COLOR = "#d9822b";

    private CompareChart() {
    }

    static String svg(List<CompareReport.ScenarioResult> results) {
        int width = 2 * PANEL_WIDTH + 3 * MARGIN;
        int height = PANEL_HEIGHT + 2 * MARGIN + 30;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        panel(svg, results, MARGIN, "Throughput, records/s (higher is better)",
                CompareReport.Metric.RECORDS_PER_SEC);
        panel(svg, results, 2 * MARGIN + PANEL_WIDTH, "Client CPU per record, \u00b5s (lower is better)",
                CompareReport.Metric.CPU_US_PER_RECORD);
        int legendY = height - 20;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\">odradek perf</text>%n", MARGIN, legendY - 10, OURS_COLOR, MARGIN + 18,
                legendY));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\">Kafka ProducerPerformance (S6: 4 processes summed)</text>%n",
                MARGIN + 140, legendY - 10, KAFKA_COLOR, MARGIN + 158, legendY));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\">medians of alternated runs; "
                + "see benchmarks/README.md</text>%n", MARGIN + 520, legendY));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void panel(StringBuilder svg, List<CompareReport.ScenarioResult> results, int left, String title,
                              CompareReport.Metric metric) {
        int top = MARGIN;
        int bottom = top + PANEL_HEIGHT;
        double max = 0;
        for (CompareReport.ScenarioResult result : results) {
            max = Math.max(max, Math.max(result.odradek().get(metric), result.kafka().get(metric)));
        }
        max = max <= 0 ? 1 : max * 1.15;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">%s"
                + "</text>%n", left, top - 20, escape(title)));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                left, bottom, left + PANEL_WIDTH, bottom));
        int groups = Math.max(1, results.size());
        double groupWidth = (double) PANEL_WIDTH / groups;
        double barWidth = groupWidth * 0.35;
        for (int i = 0; i < results.size(); i++) {
            CompareReport.ScenarioResult result = results.get(i);
            double groupLeft = left + i * groupWidth + groupWidth * 0.15;
            bar(svg, groupLeft, barWidth, bottom, result.odradek().get(metric) / max * PANEL_HEIGHT,
                    OURS_COLOR, compact(result.odradek().get(metric)));
            bar(svg, groupLeft + barWidth, barWidth, bottom, result.kafka().get(metric) / max * PANEL_HEIGHT,
                    KAFKA_COLOR, compact(result.kafka().get(metric)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s (x%.2f)"
                    + "</text>%n", groupLeft + barWidth, bottom + 18, escape(result.scenario()), result.ratio(metric)));
        }
    }

    private static void bar(StringBuilder svg, double x, double width, int bottom, double heightPx, String color,
                            String label) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                + "fill=\"%s\"/>%n", x, bottom - heightPx, width, heightPx, color));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\">"
                + "%s</text>%n", x + width / 2, bottom - heightPx - 4, escape(label)));
    }

    /** Short enough to fit above a bar: 2.41M, 830k, 0.65. */
    static String compact(double value) {
        if (value >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", value / 1e6);
        }
        if (value >= 1e4) {
            return String.format(Locale.ROOT, "%.0fk", value / 1e3);
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
