package io.odradek.it.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The figures of every producer in every scenario as markdown table rows, one per producer and scenario, on
 * stdout and in a file under {@code target/reliability/}: the raw material of RELIABILITY.md. Every row starts
 * with {@code | } and the scenario's name, so {@code grep '^| leader-sigkill '} finds a scenario's rows. The
 * whole message of the first error of each kind goes to stdout and to {@code <name>-errors.txt}, prefixed
 * {@code error example:}.
 */
final class ReliabilityReport {

    static final String HEADER = "| scenario | workload | producer | settings | sent | acknowledged | failed"
            + " | read back | lost | duplicated | reordered | failed, in log anyway | no outcome | failures and notes |\n"
            + "|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|";

    private final Path file;

    private ReliabilityReport(Path file) {
        this.file = file;
    }

    /** A report in {@code target/reliability/<name>.md}, started afresh with the table's header. */
    static ReliabilityReport create(String name) {
        Path file = Path.of(System.getProperty("basedir", "."), "target", "reliability", name + ".md");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, HEADER + "\n", StandardCharsets.UTF_8);
            Files.deleteIfExists(errorsFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        System.out.println(HEADER);
        return new ReliabilityReport(file);
    }

    Path file() {
        return file;
    }

    /** Adds a scenario's rows; the error examples go to stdout and to a details file beside the table. */
    synchronized void add(List<StreamReport> reports) {
        List<String> rows = reports.stream().map(ReliabilityReport::row).toList();
        List<String> details = new ArrayList<>();
        for (StreamReport report : reports) {
            report.delivery().examples().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(Comparator.comparing(ErrorKind::toString)))
                    .forEach(example -> details.add("error example: " + report.scenario() + " " + report.label()
                            + " [" + example.getKey() + "]: " + example.getValue()));
        }
        rows.forEach(System.out::println);
        details.forEach(System.out::println);
        append(file, rows);
        append(errorsFile(file), details);
    }

    static String row(StreamReport report) {
        StreamReport.Delivery delivery = report.delivery();
        StreamReport.LogCheck log = report.log();
        return "| " + String.join(" | ", report.scenario(), report.workload(),
                report.contestant().producer().label(), report.contestant().settings().label(),
                number(delivery.sent()), number(delivery.acknowledged()), number(delivery.failed()),
                number(log.readBack()), number(log.lost()), number(log.duplicated()), number(log.reordered()),
                number(log.failedButPresent()), number(delivery.noOutcome()), failuresAndAnomalies(report)) + " |";
    }

    /** A send() that held the caller this long is worth a note: the producer pushed back instead of buffering. */
    private static final long NOTABLE_SEND_MS = 1_000;

    /**
     * Failures by kind, most frequent first, then whatever else is wrong or notable that has no column of
     * its own.
     */
    private static String failuresAndAnomalies(StreamReport report) {
        List<String> parts = new ArrayList<>();
        report.delivery().failures().entrySet().stream()
                .sorted(Map.Entry.<ErrorKind, Integer>comparingByValue().reversed())
                .forEach(failure -> parts.add(failure.getValue() + " x " + failure.getKey()));
        StreamReport.LogCheck log = report.log();
        if (log.notPersistedButPresent() > 0) {
            parts.add(log.notPersistedButPresent() + " failed as NOT_PERSISTED yet in the log");
        }
        if (log.misplaced() > 0) {
            parts.add(log.misplaced() + " acknowledged at another offset than where they are");
        }
        if (log.strangers() > 0) {
            parts.add(log.strangers() + " records in the log never sent");
        }
        if (report.delivery().completedTwice() > 0) {
            parts.add(report.delivery().completedTwice() + " completions of records already completed");
        }
        if (report.delivery().acknowledgedLateAfterSend() > 0) {
            parts.add(report.delivery().acknowledgedLateAfterSend()
                    + " acknowledged more than delivery.timeout.ms after send()");
        }
        if (report.delivery().acknowledgedLate() > report.delivery().acknowledgedLateAfterSend()) {
            parts.add(report.delivery().acknowledgedLate() + " more than delivery.timeout.ms after due");
        }
        if (report.delivery().dueButUnsent() > 0) {
            parts.add(report.delivery().dueButUnsent() + " due more than delivery.timeout.ms before the stream stopped and never sent (send() blocked)");
        }
        if (report.delivery().longestSendMs() >= NOTABLE_SEND_MS) {
            parts.add(String.format("send() blocked up to %.1f s", report.delivery().longestSendMs() / 1000.0));
        }
        String text = parts.isEmpty() ? "-" : String.join("; ", parts);
        return text.replace("|", "\\|").replace('\n', ' ');
    }

    private static String number(int value) {
        return Integer.toString(value);
    }

    private static Path errorsFile(Path table) {
        return table.resolveSibling(table.getFileName().toString().replace(".md", "-errors.txt"));
    }

    private static void append(Path file, List<String> lines) {
        try {
            Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
