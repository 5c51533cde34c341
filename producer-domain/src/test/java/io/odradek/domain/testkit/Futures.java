package io.odradek.domain.testkit;

import java.util.concurrent.CompletionException;

import io.odradek.api.RecordFuture;

/** Reading a completed future's failure on Java 17 (no {@code exceptionNow}). */
public final class Futures {
    private Futures() {
    }

    /** The error a future completed with; fails if it is not done or succeeded. */
    public static Throwable errorOf(RecordFuture future) {
        if (!future.isDone()) {
            throw new AssertionError("the future is not done");
        }
        try {
            Object value = future.join();
            throw new AssertionError("the future succeeded with " + value);
        } catch (CompletionException e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }
}
