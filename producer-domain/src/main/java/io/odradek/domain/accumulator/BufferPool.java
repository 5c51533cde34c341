package io.odradek.domain.accumulator;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.odradek.api.TimeoutException;
import io.odradek.domain.port.Clock;

/**
 * Batch buffers bounded by {@code buffer.memory}. Buffers of exactly {@code batch.size} are kept for reuse
 * (direct, so the socket writes them without a copy); other sizes are allocated and dropped. Callers that
 * find the pool exhausted wait, first come first served, up to their deadline.
 */
public final class BufferPool {
    static {
        // Once, before any pool's lock is used: see LockPathClasses.
        LockPathClasses.load();
    }

    private final long totalBytes;
    private final int poolableSizeBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
    /**
     * Buffers that compressed batches are written into: one size, large enough for a full batch that does
     * not shrink, kept for reuse like batch buffers. 0 when the producer does not compress.
     */
    private int compressionSizeBytes;
    private final ArrayDeque<ByteBuffer> freeCompression = new ArrayDeque<>();
    private final ArrayDeque<Condition> waiters = new ArrayDeque<>();
    /**
     * {@code waiters.size()}, written under the lock and read without it: every new batch and every poll of the
     * I/O thread asks {@link #hasWaiters}, and the lock for that contended with the I/O thread's releases.
     */
    private volatile int waiting;
    /** Bytes neither handed out nor kept in {@link #free}. May go negative: see {@link #allocateOverCommit}. */
    private long unallocatedBytes;
    private final Clock clock;
    private final WaitObserver waitObserver;
    private final Runnable waitBegins;

    public BufferPool(long totalBytes, int poolableSizeBytes) {
        this(totalBytes, poolableSizeBytes, null, waitedNs -> { }, () -> { });
    }

    /**
     * A pool that tells {@code waitObserver} how long each thread that had to wait for memory waited.
     *
     * @param waitBegins run when a thread starts to wait (under the pool's lock): batches then go without lingering
     *                   (see {@link #hasWaiters}), which the I/O thread learns only when it is woken
     */
    public BufferPool(long totalBytes, int poolableSizeBytes, Clock clock, WaitObserver waitObserver,
                      Runnable waitBegins) {
        this.totalBytes = totalBytes;
        this.poolableSizeBytes = poolableSizeBytes;
        this.unallocatedBytes = totalBytes;
        this.clock = clock;
        this.waitObserver = waitObserver;
        this.waitBegins = waitBegins;
    }

    /** Hears how long a thread waited for memory, whether it got it or timed out; the waiting thread calls it. */
    @FunctionalInterface
    public interface WaitObserver {
        void waited(long waitedNs);
    }

    /**
     * A buffer of {@code sizeBytes}, waiting up to {@code maxWaitNs} for memory.
     *
     * @throws TimeoutException when the memory did not become free in time
     */
    public ByteBuffer allocate(int sizeBytes, long maxWaitNs) throws InterruptedException {
        ByteBuffer pooled = acquire(sizeBytes, maxWaitNs, true);
        return pooled != null ? pooled : newBuffer(sizeBytes);
    }

    /**
     * A buffer now, even beyond the limit. For the I/O thread, which must never block: it moves records that
     * already held a reservation (see {@link #reserve}) into batches, or compresses a batch whose original
     * buffer it frees right after.
     */
    public ByteBuffer allocateOverCommit(int sizeBytes) {
        int capacity;
        lock.lock();
        try {
            ByteBuffer pooled = takeIfFree(sizeBytes);
            if (pooled != null) {
                return pooled;
            }
            capacity = pooledCapacityFor(sizeBytes);
            reserveLocked(capacity);
        } finally {
            lock.unlock();
        }
        return newBuffer(capacity);
    }

    private int pooledCapacityFor(int sizeBytes) {
        return sizeBytes != poolableSizeBytes && sizeBytes <= compressionSizeBytes ? compressionSizeBytes : sizeBytes;
    }

    /**
     * Pools buffers of {@code sizeBytes} too, for compressed batches: a request for at most this size gets
     * one of them (larger than asked, which a compressor does not mind).
     */
    public void poolCompressionBuffers(int sizeBytes) {
        lock.lock();
        try {
            compressionSizeBytes = sizeBytes;
        } finally {
            lock.unlock();
        }
    }

    /** Reserves bytes without a buffer (records waiting for metadata), waiting like {@link #allocate}. */
    public void reserve(int sizeBytes, long maxWaitNs) throws InterruptedException {
        acquire(sizeBytes, maxWaitNs, false);
    }

    /** Returns a reservation made with {@link #reserve}. */
    public void unreserve(int sizeBytes) {
        lock.lock();
        try {
            unallocatedBytes += sizeBytes;
            signalNextWaiter();
        } finally {
            lock.unlock();
        }
    }

    /** Returns a buffer from {@link #allocate} or {@link #allocateOverCommit}. */
    public void release(ByteBuffer buffer) {
        lock.lock();
        try {
            if (buffer.capacity() == poolableSizeBytes) {
                buffer.clear();
                free.addLast(buffer);
            } else if (buffer.capacity() == compressionSizeBytes) {
                buffer.clear();
                freeCompression.addLast(buffer);
            } else {
                unallocatedBytes += buffer.capacity();
            }
            signalNextWaiter();
        } finally {
            lock.unlock();
        }
    }

    public long availableBytes() {
        lock.lock();
        try {
            return availableBytesLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Whether some thread is blocked waiting for memory: the sender then drains without waiting for linger. */
    public boolean hasWaiters() {
        return waiting > 0;
    }

    public long totalBytes() {
        return totalBytes;
    }

    /** How many threads are blocked waiting for memory now. */
    public int waitingThreads() {
        return waiting;
    }

    public int poolableSizeBytes() {
        return poolableSizeBytes;
    }

    /** Takes {@code sizeBytes} of memory; returns a pooled buffer if one fits and {@code wantBuffer}. */
    private ByteBuffer acquire(int sizeBytes, long maxWaitNs, boolean wantBuffer) throws InterruptedException {
        if (sizeBytes > totalBytes) {
            throw new IllegalArgumentException("Attempt to allocate " + sizeBytes
                    + " bytes, but there is a hard limit of " + totalBytes + " bytes (buffer.memory)");
        }
        lock.lock();
        try {
            if (waiters.isEmpty()) {
                ByteBuffer pooled = wantBuffer ? takeIfFree(sizeBytes) : null;
                if (pooled != null) {
                    return pooled;
                }
                if (availableBytesLocked() >= sizeBytes) {
                    reserveLocked(sizeBytes);
                    return null;
                }
            }
            return waitForMemory(sizeBytes, maxWaitNs, wantBuffer);
        } finally {
            lock.unlock();
        }
    }

    private ByteBuffer waitForMemory(int sizeBytes, long maxWaitNs, boolean wantBuffer)
            throws InterruptedException {
        Condition turn = lock.newCondition();
        waiters.addLast(turn);
        waiting = waiters.size();
        waitBegins.run();
        long remainingNs = maxWaitNs;
        long startNs = clock == null ? 0 : clock.nanoTime();
        try {
            while (true) {
                if (waiters.peekFirst() == turn) {
                    ByteBuffer pooled = wantBuffer ? takeIfFree(sizeBytes) : null;
                    if (pooled != null) {
                        return pooled;
                    }
                    if (availableBytesLocked() >= sizeBytes) {
                        reserveLocked(sizeBytes);
                        return null;
                    }
                }
                if (remainingNs <= 0) {
                    throw new TimeoutException("Failed to allocate " + sizeBytes + " bytes within the configured"
                            + " max blocking time " + TimeUnit.NANOSECONDS.toMillis(maxWaitNs)
                            + " ms (max.block.ms). Total memory: " + totalBytes
                            + " bytes (buffer.memory). Available memory: " + availableBytesLocked() + " bytes.");
                }
                remainingNs = turn.awaitNanos(remainingNs);
            }
        } finally {
            waiters.remove(turn);
            waiting = waiters.size();
            signalNextWaiter();
            if (clock != null) {
                waitObserver.waited(clock.nanoTime() - startNs);
            }
        }
    }

    private ByteBuffer takeIfFree(int sizeBytes) {
        if (sizeBytes == poolableSizeBytes && !free.isEmpty()) {
            return free.pollFirst();
        }
        if (sizeBytes != poolableSizeBytes && sizeBytes <= compressionSizeBytes && !freeCompression.isEmpty()) {
            return freeCompression.pollFirst();
        }
        return null;
    }

    /** Makes room by giving pooled buffers back to the unallocated memory, then takes the bytes. */
    private void reserveLocked(int sizeBytes) {
        while (unallocatedBytes < sizeBytes && !free.isEmpty()) {
            unallocatedBytes += free.pollLast().capacity();
        }
        while (unallocatedBytes < sizeBytes && !freeCompression.isEmpty()) {
            unallocatedBytes += freeCompression.pollLast().capacity();
        }
        unallocatedBytes -= sizeBytes;
    }

    private long availableBytesLocked() {
        return unallocatedBytes + (long) free.size() * poolableSizeBytes
                + (long) freeCompression.size() * compressionSizeBytes;
    }

    private void signalNextWaiter() {
        Condition next = waiters.peekFirst();
        if (next != null) {
            next.signal();
        }
    }

    private static ByteBuffer newBuffer(int sizeBytes) {
        return ByteBuffer.allocateDirect(sizeBytes);
    }
}
