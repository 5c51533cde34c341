package io.odradek.it.faults;

import java.time.Duration;

/** Conditions with deadlines: the only way the fault harness waits for the cluster. */
final class Await {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private Await() {
    }

    /** Something to check that may fail while the cluster is in flux; an exception means "not yet". */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    /**
     * Polls {@code condition} until it holds; after {@code timeout} fails with {@code what} and the last
     * exception the condition threw, if any.
     */
    static void until(String what, Duration timeout, Condition condition) {
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            } catch (Exception notYet) {
                last = notYet;
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                AssertionError failure = new AssertionError("timed out after " + timeout + " waiting for " + what);
                if (last != null) {
                    failure.addSuppressed(last);
                }
                throw failure;
            }
            sleep(POLL_INTERVAL); // the polling interval of a condition with a deadline
        }
    }

    /**
     * Lets time pass because that is what the scenario is about ("restart it 4 s later"), never to hope that
     * something has happened by then: name {@code why}, so the timeline reads in the code.
     */
    static void scenarioPause(Duration duration, String why) {
        if (why.isBlank()) {
            throw new IllegalArgumentException("a scenario pause says what it is for");
        }
        sleep(duration);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
