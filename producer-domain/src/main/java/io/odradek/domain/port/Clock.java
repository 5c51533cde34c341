package io.odradek.domain.port;

/**
 * Time, as a port: the domain never reads the system clock itself, so tests drive it by hand.
 * The system implementation lives with the transport adapters, at the edge.
 */
public interface Clock {
    /** Monotonic nanoseconds, for deadlines and timeouts. */
    long nanoTime();

    /** Wall-clock epoch milliseconds, for record timestamps only. */
    long currentTimeMillis();
}
