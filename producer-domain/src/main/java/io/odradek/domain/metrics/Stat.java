package io.odradek.domain.metrics;

/** One statistic of a {@link Sensor}'s values. Not thread-safe: its sensor's lock guards it. */
interface Stat {

    void record(double value, long nowMs);

    double measure(long nowMs);
}
