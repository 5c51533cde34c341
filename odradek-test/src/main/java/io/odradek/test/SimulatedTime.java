package io.odradek.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;

import io.odradek.domain.fake.FakeTransport;
import io.odradek.domain.fake.ManualClock;

/**
 * The cluster's timeline: a manual clock, and every producer's fake transport driven in step with it on the
 * calling thread. Time moves only here, from one thing due to the next, so a test's outcome does not depend on
 * how fast the machine is.
 */
final class SimulatedTime {
    /** A blocking call that takes longer than this in real time waits for something that will never happen. */
    private static final Duration BLOCKING_CALL_REAL_LIMIT = Duration.ofSeconds(30);
    /** More passes than this at one instant means producers keep waking each other without end. */
    private static final int MAX_PASSES_PER_INSTANT = 10_000;

    private final ManualClock clock = new ManualClock();
    private final long startNs = clock.nanoTime();
    private final List<FakeTransport> transports = new CopyOnWriteArrayList<>();

    ManualClock clock() {
        return clock;
    }

    void drive(FakeTransport transport) {
        transports.add(transport);
    }

    Duration elapsed() {
        return Duration.ofNanos(clock.nanoTime() - startNs);
    }

    void advance(Duration duration) {
        long targetNs = clock.nanoTime() + duration.toNanos();
        runUntilIdle();
        while (clock.nanoTime() < targetNs) {
            moveTo(Math.min(targetNs, nextDeadlineNs()));
        }
    }

    void awaitUntil(BooleanSupplier condition, Duration limit) {
        long deadlineNs = clock.nanoTime() + limit.toNanos();
        runUntilIdle();
        while (!condition.getAsBoolean()) {
            if (clock.nanoTime() >= deadlineNs) {
                throw new AssertionError("the condition did not hold within " + limit + " of simulated time");
            }
            moveTo(Math.min(deadlineNs, nextDeadlineNs()));
        }
    }

    /**
     * Runs {@code call} on a thread of its own and drives the producers from this one until it returns. Time moves
     * only while that thread waits (for a flush, a close, a future) and no producer has work at this instant, and
     * then only to the next thing due.
     */
    <T> T callBlocking(Callable<T> call) throws Exception {
        FutureTask<T> task = new FutureTask<>(call);
        Thread thread = new Thread(task, "fake-kafka-cluster-blocking-call");
        thread.setDaemon(true);
        thread.start();
        long realDeadlineNs = System.nanoTime() + BLOCKING_CALL_REAL_LIMIT.toNanos();
        try {
            while (!task.isDone()) {
                runUntilIdle();
                // Give the call a moment to see what this round completed before deciding it still waits.
                thread.join(1);
                if (task.isDone()) {
                    break;
                }
                if (System.nanoTime() > realDeadlineNs) {
                    throw new AssertionError("the blocking call did not return within " + BLOCKING_CALL_REAL_LIMIT
                            + " of real time (" + elapsed() + " of simulated time passed)");
                }
                long nextNs = nextDeadlineNs();
                if (isWaiting(thread) && nextNs > clock.nanoTime() && nextNs != Long.MAX_VALUE) {
                    moveTo(nextNs);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            throw new AssertionError("interrupted while driving a blocking call", e);
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static boolean isWaiting(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    private void moveTo(long targetNs) {
        clock.advanceTo(Math.max(targetNs, clock.nanoTime()));
        runUntilIdle();
    }

    /** Runs every producer until none has anything left to do at this instant. */
    private void runUntilIdle() {
        for (int pass = 0; pass < MAX_PASSES_PER_INSTANT; pass++) {
            for (FakeTransport transport : transports) {
                transport.runUntilIdle();
            }
            if (nextDeadlineNs() > clock.nanoTime()) {
                return;
            }
        }
        throw new IllegalStateException("the producers did not go idle at " + elapsed() + " of simulated time");
    }

    private long nextDeadlineNs() {
        long nextNs = Long.MAX_VALUE;
        for (FakeTransport transport : transports) {
            if (!transport.isClosed()) {
                nextNs = Math.min(nextNs, transport.nextDeadlineNs());
            }
        }
        return nextNs;
    }
}
