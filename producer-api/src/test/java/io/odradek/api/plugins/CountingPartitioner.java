package io.odradek.api.plugins;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts how many times it was instantiated, to prove when plugins are not created. */
public class CountingPartitioner extends RecordingPartitioner {
    public static final AtomicInteger INSTANCES = new AtomicInteger();

    public CountingPartitioner() {
        INSTANCES.incrementAndGet();
    }
}
