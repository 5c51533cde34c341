package io.odradek.tools.perf;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/** Counts failed records and prints the first few, so a broken run does not flood the terminal. */
final class FailureLog {
    static final int PRINTED_FAILURES = 10;

    private final PrintStream err;
    private final AtomicLong failures = new AtomicLong();

    FailureLog(PrintStream err) {
        this.err = err;
    }

    void record(Throwable failure) {
        long number = failures.incrementAndGet();
        if (number <= PRINTED_FAILURES) {
            err.println("odradek perf: record failed: " + failure);
        } else if (number == PRINTED_FAILURES + 1) {
            err.println("odradek perf: more records failed; counting them without printing");
        }
    }

    long count() {
        return failures.get();
    }
}
