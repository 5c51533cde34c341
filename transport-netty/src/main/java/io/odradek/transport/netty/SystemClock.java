package io.odradek.transport.netty;

import io.odradek.domain.port.Clock;

/** The system clock: the one place where the producer reads real time (the domain only sees {@link Clock}). */
final class SystemClock implements Clock {

    static final SystemClock INSTANCE = new SystemClock();

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
