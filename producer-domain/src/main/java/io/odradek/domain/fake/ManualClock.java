package io.odradek.domain.fake;

import java.time.Duration;

import io.odradek.domain.port.Clock;

/** A clock that moves only when the test says so; nanoTime and wall-clock millis move together. */
public final class ManualClock implements Clock {
    private static final long START_EPOCH_MS = 1_700_000_000_000L;
    private volatile long nowNs = 1_000_000_000L;

    @Override
    public long nanoTime() {
        return nowNs;
    }

    @Override
    public long currentTimeMillis() {
        return START_EPOCH_MS + nowNs / 1_000_000L;
    }

    public void advance(Duration duration) {
        advanceNs(duration.toNanos());
    }

    public synchronized void advanceNs(long deltaNs) {
        if (deltaNs < 0) {
            throw new IllegalArgumentException("time does not go backwards: " + deltaNs);
        }
        nowNs += deltaNs;
    }

    /** Moves to {@code targetNs}, which must not be in the past. */
    public synchronized void advanceTo(long targetNs) {
        advanceNs(targetNs - nowNs);
    }
}
