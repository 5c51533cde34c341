package io.odradek.domain.testkit;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Reading a completed future's failure on Java 17 (no {@code exceptionNow}). */
public final class Futures {
    private Futures() {
    }

    /** The error a future completed with; fails if it is not done or succeeded. */
    public static Throwable errorOf(CompletableFuture<?> future) {
        if (!future.isDone()) {
            throw new AssertionError("the future is not done");
        }
        try {
            Object value = future.getNow(null);
            throw new AssertionError("the future succeeded with " + value);
        } catch (CompletionException | CancellationException e) {
            return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        }
    }
}
