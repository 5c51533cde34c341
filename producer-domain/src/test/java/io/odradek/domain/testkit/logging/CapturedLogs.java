package io.odradek.domain.testkit.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.slf4j.event.Level;

/**
 * What the producer logged through slf4j at INFO and above, in order, kept by the tests' own slf4j provider
 * ({@link CapturingLoggerProvider}); INFO and above also go to standard error, as a console backend would print them.
 */
public final class CapturedLogs {
    private static final int CAPACITY = 20_000;
    private static final List<Line> LINES = new ArrayList<>();

    /** One logged line: its level, logger name and formatted message (the throwable's message appended). */
    public record Line(Level level, String logger, String message) {
        @Override
        public String toString() {
            return level + " " + logger + " - " + message;
        }
    }

    private CapturedLogs() {
    }

    static void add(Line line) {
        synchronized (LINES) {
            if (LINES.size() == CAPACITY) {
                LINES.remove(0);
            }
            LINES.add(line);
        }
    }

    /** A mark to take lines from: what was logged after it. */
    public static int mark() {
        synchronized (LINES) {
            return LINES.size();
        }
    }

    /** Lines logged since {@code mark} that {@code filter} selects. */
    public static List<Line> since(int mark, Predicate<Line> filter) {
        synchronized (LINES) {
            List<Line> lines = new ArrayList<>();
            for (int i = Math.min(mark, LINES.size()); i < LINES.size(); i++) {
                if (filter.test(LINES.get(i))) {
                    lines.add(LINES.get(i));
                }
            }
            return lines;
        }
    }
}
