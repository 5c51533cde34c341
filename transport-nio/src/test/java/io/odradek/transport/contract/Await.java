package io.odradek.transport.contract;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, instead of sleeping and hoping. */
public final class Await {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private Await() {
    }

    public static void until(BooleanSupplier condition, Supplier<String> whatWeWaitFor) {
        until(DEFAULT_TIMEOUT, condition, whatWeWaitFor);
    }

    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> whatWeWaitFor) {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadlineNs > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + whatWeWaitFor.get());
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
