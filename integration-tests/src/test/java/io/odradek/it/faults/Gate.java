package io.odradek.it.faults;

/**
 * What every forwarding thread of one {@link TcpProxy} obeys: whether bytes may pass at all now, and how
 * late they are due in each direction.
 */
final class Gate {

    /** Which way a chunk travels through the proxy. */
    enum Direction { TO_BROKER, TO_CLIENT }

    private boolean open = true; // guarded by this
    private volatile long toBrokerDelayNanos;
    private volatile long toClientDelayNanos;

    synchronized void close() {
        open = false;
    }

    synchronized void open() {
        open = true;
        notifyAll();
    }

    /**
     * Returns once bytes may pass. A chunk whose writer passed here just before {@link #close()} still goes
     * out, as a packet already on the wire does when a network fails.
     */
    synchronized void awaitOpen() throws InterruptedException {
        while (!open) {
            wait();
        }
    }

    void delay(long toClientNanos, long toBrokerNanos) {
        toClientDelayNanos = toClientNanos;
        toBrokerDelayNanos = toBrokerNanos;
    }

    long delayNanos(Direction direction) {
        return direction == Direction.TO_CLIENT ? toClientDelayNanos : toBrokerDelayNanos;
    }
}
