package io.odradek.api.plugins;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts closes across instances, to prove that a failed construction closes what it created. */
public class ClosingCountingInterceptor extends RecordingInterceptor {
    public static final AtomicInteger CLOSES = new AtomicInteger();

    @Override
    public void close() {
        super.close();
        CLOSES.incrementAndGet();
    }
}
