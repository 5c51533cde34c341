package io.odradek.transport.nio;

import io.odradek.domain.port.Clock;

/** The system clock: the one place where the producer reads real time (the domain only sees {@link Clock}). */
public final class SystemClock implements Clock {

    public static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }
}
