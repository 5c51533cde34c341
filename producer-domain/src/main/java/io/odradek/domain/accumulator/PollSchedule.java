package io.odradek.domain.accumulator;

/**
 * When the I/O thread will next look at the partition queues, so that opening a batch wakes it only if that
 * batch's linger ends sooner. Waking it for every new batch made each batch cost a walk of every partition's
 * queue: with random keys over 1,000 partitions, a walk of 1,000 queues for every seven records or so.
 *
 * <p>The I/O thread calls {@link #polling()} before it looks at the queues and {@link #nextPollAt} with the time
 * it will look again; a thread that opened a batch calls {@link #batchOpened} once the batch is in its queue.
 * Either the I/O thread's walk finds that batch, or the opening thread reads "polling" or the time that walk
 * decided on (the queue is guarded by its monitor, the time is volatile), so no batch waits past its linger.
 * {@link #memoryWaitBegins} reasons the same way: during a poll the lingering batches read as unknown, and a batch
 * opened after the poll began without waking the thread is remembered until the next poll begins.
 */
public final class PollSchedule {
    /** Polling now, or asleep with nothing to wake for: any new batch must wake the I/O thread. */
    private static final long UNKNOWN = Long.MAX_VALUE;
    /** Polling now: the lingering batches are not known. */
    private static final long LINGER_UNKNOWN = Long.MIN_VALUE;

    private final Runnable wakeup;
    private final long lingerNs;
    private volatile long nextPollNs = UNKNOWN;
    /** When the first lingering batch the last poll saw stops lingering; MAX_VALUE: none lingered. */
    private volatile long lingerEndsNs = LINGER_UNKNOWN;
    /** A batch opened since the last poll began and did not wake the I/O thread. */
    private volatile boolean openedUnseen;

    /**
     * @param wakeup   wakes the I/O thread (the transport's wakeup)
     * @param lingerNs how long a new batch may wait before the I/O thread must see it: linger.ms, or 0 to be
     *                 woken for every new batch
     */
    public PollSchedule(Runnable wakeup, long lingerNs) {
        if (lingerNs < 0) {
            throw new IllegalArgumentException("lingerNs must not be negative: " + lingerNs);
        }
        this.wakeup = wakeup;
        this.lingerNs = lingerNs;
    }

    /** I/O thread, before it looks at the queues: until {@link #nextPollAt}, every new batch wakes it. */
    public void polling() {
        nextPollNs = UNKNOWN;
        lingerEndsNs = LINGER_UNKNOWN;
        openedUnseen = false;
    }

    /**
     * I/O thread, after a poll: it will poll again by {@code pollNs} ({@link Long#MAX_VALUE}: not on its own), and
     * the first batch it left lingering stops lingering at {@code lingerEndsNs} ({@link Long#MAX_VALUE}: none).
     */
    public void nextPollAt(long pollNs, long lingerEndsNs) {
        this.lingerEndsNs = lingerEndsNs;
        nextPollNs = pollNs;
    }

    /**
     * A thread starts to wait for buffer memory: lingering batches go now (they free memory when acknowledged),
     * so the I/O thread is woken if any batch lingers or may linger. When none does, as with full batches under
     * load, it is not: a wait then would otherwise wake it for nothing, once per freed batch.
     */
    public void memoryWaitBegins() {
        if (openedUnseen || lingerEndsNs != Long.MAX_VALUE) {
            wakeup.run();
        }
    }

    /** Wakes the I/O thread unconditionally: a full batch, a flush, a close. */
    public void wakeNow() {
        wakeup.run();
    }

    /**
     * Appending thread, after a new batch opened at {@code createdNs} is in its queue.
     *
     * @param drainingNow whether batches go without lingering now (a flush, a close, a thread waiting for memory)
     */
    void batchOpened(long createdNs, boolean drainingNow) {
        long readyNs = drainingNow ? createdNs : saturatedAdd(createdNs, lingerNs);
        long pollNs = nextPollNs;
        // A poll already due is not counted on: the thread asked to be polled at once, and a wake-up says so.
        if (readyNs < pollNs || pollNs <= createdNs) {
            wakeup.run();
        } else {
            openedUnseen = true;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
