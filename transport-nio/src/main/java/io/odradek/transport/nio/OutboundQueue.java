package io.odradek.transport.nio;

import io.odradek.domain.port.OutboundFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frames queued on one connection, written in order with gathering writes. The buffers of all queued
 * frames sit flattened in one array, so one {@code write(ByteBuffer[])} (one writev) covers many frames and a
 * partial write resumes where the socket stopped. Not thread-safe: the I/O thread owns it.
 *
 * <p>Frame callbacks ({@link OutboundFrame#onWritten}) may queue more frames on this same queue while it is
 * writing; every loop below therefore re-reads the fields instead of caching indices across a callback.
 */
final class OutboundQueue {

    /** Most buffers handed to one writev; Linux's IOV_MAX is 1024, and the JDK splits longer arrays anyway. */
    static final int MAX_BUFFERS_PER_WRITE = 1024;

    private static final Logger log = LoggerFactory.getLogger(OutboundQueue.class);

    private final String logPrefix;
    private ByteBuffer[] buffers = new ByteBuffer[64];
    private int bufferHead;
    private int bufferTail;

    private OutboundFrame[] frames = new OutboundFrame[16];
    /** For each queued frame, the index in {@link #buffers} just past its last buffer. */
    private int[] frameEnds = new int[16];
    private int frameHead;
    private int frameTail;

    private long pendingBytes;

    OutboundQueue() {
        this("");
    }

    /** @param logPrefix put before its log lines: the producer's {@code [Producer clientId=...] } */
    OutboundQueue(String logPrefix) {
        this.logPrefix = logPrefix;
    }

    void add(OutboundFrame frame) {
        ByteBuffer[] frameBuffers = frame.buffers();
        ensureBufferRoom(frameBuffers.length);
        ensureFrameRoom();
        long bytes = 0;
        for (ByteBuffer buffer : frameBuffers) {
            buffers[bufferTail++] = buffer;
            bytes += buffer.remaining();
        }
        frames[frameTail] = frame;
        frameEnds[frameTail] = bufferTail;
        frameTail++;
        pendingBytes += bytes;
    }

    long pendingBytes() {
        return pendingBytes;
    }

    boolean isEmpty() {
        return frameHead == frameTail;
    }

    /**
     * Writes as much as the channel takes, calling {@link OutboundFrame#onWritten} for each frame whose last
     * byte went out.
     *
     * @return true if everything was written, false if the channel is full and data is still queued
     */
    boolean writeTo(GatheringByteChannel channel, long nowNs) throws IOException {
        while (true) {
            completeWrittenFrames(nowNs);
            if (bufferHead == bufferTail) {
                resetIfEmpty();
                return true;
            }
            int count = Math.min(bufferTail - bufferHead, MAX_BUFFERS_PER_WRITE);
            long requested = 0;
            for (int i = bufferHead, end = bufferHead + count; i < end; i++) {
                requested += buffers[i].remaining();
            }
            long written = channel.write(buffers, bufferHead, count);
            pendingBytes -= written;
            completeWrittenFrames(nowNs);
            if (written < requested) {
                return false;
            }
        }
    }

    /** Drops every queued frame, without calling {@link OutboundFrame#onWritten}. */
    void clear() {
        Arrays.fill(buffers, 0, bufferTail, null);
        Arrays.fill(frames, 0, frameTail, null);
        bufferHead = bufferTail = 0;
        frameHead = frameTail = 0;
        pendingBytes = 0;
    }

    /** Moves past fully written buffers and completes the frames that end before the first unwritten one. */
    private void completeWrittenFrames(long nowNs) {
        while (bufferHead < bufferTail && !buffers[bufferHead].hasRemaining()) {
            buffers[bufferHead++] = null;
        }
        while (frameHead < frameTail && frameEnds[frameHead] <= bufferHead) {
            OutboundFrame frame = frames[frameHead];
            frames[frameHead++] = null;
            try {
                frame.onWritten(nowNs);
            } catch (Exception e) {
                log.error(logPrefix + "OutboundFrame.onWritten failed; the frame was written, carrying on", e);
            }
        }
    }

    private void resetIfEmpty() {
        if (bufferHead == bufferTail && frameHead == frameTail) {
            bufferHead = bufferTail = 0;
            frameHead = frameTail = 0;
        }
    }

    private void ensureBufferRoom(int extra) {
        if (bufferTail + extra <= buffers.length) {
            return;
        }
        int live = bufferTail - bufferHead;
        // Shift down only when that frees at least half the array; otherwise grow, so shifting stays amortised O(1).
        ByteBuffer[] target = live + extra <= buffers.length / 2
                ? buffers
                : new ByteBuffer[Math.max(buffers.length * 2, live + extra)];
        System.arraycopy(buffers, bufferHead, target, 0, live);
        if (target == buffers) {
            Arrays.fill(buffers, live, bufferTail, null);
        }
        for (int f = frameHead; f < frameTail; f++) {
            frameEnds[f] -= bufferHead;
        }
        buffers = target;
        bufferHead = 0;
        bufferTail = live;
    }

    private void ensureFrameRoom() {
        if (frameTail < frames.length) {
            return;
        }
        int live = frameTail - frameHead;
        boolean shift = live + 1 <= frames.length / 2;
        OutboundFrame[] targetFrames = shift ? frames : new OutboundFrame[frames.length * 2];
        int[] targetEnds = shift ? frameEnds : new int[frames.length * 2];
        System.arraycopy(frames, frameHead, targetFrames, 0, live);
        System.arraycopy(frameEnds, frameHead, targetEnds, 0, live);
        if (shift) {
            Arrays.fill(frames, live, frameTail, null);
        }
        frames = targetFrames;
        frameEnds = targetEnds;
        frameHead = 0;
        frameTail = live;
    }
}
