package io.odradek.transport.nio;

import static org.assertj.core.api.Assertions.assertThat;

import io.odradek.transport.contract.TestFrame;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

    /** Takes at most {@code capacityBytes} per write until {@link #drain()}, like a socket with a full buffer. */
    private static final class ThrottledChannel implements GatheringByteChannel {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final List<Integer> buffersPerWrite = new ArrayList<>();
        int capacityBytes;

        ThrottledChannel(int capacityBytes) {
            this.capacityBytes = capacityBytes;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            buffersPerWrite.add(length);
            long written = 0;
            for (int i = offset; i < offset + length && capacityBytes > 0; i++) {
                int n = Math.min(srcs[i].remaining(), capacityBytes);
                byte[] bytes = new byte[n];
                srcs[i].get(bytes);
                received.writeBytes(bytes);
                capacityBytes -= n;
                written += n;
            }
            return written;
        }

        @Override
        public long write(ByteBuffer[] srcs) {
            return write(srcs, 0, srcs.length);
        }

        @Override
        public int write(ByteBuffer src) {
            return (int) write(new ByteBuffer[] {src}, 0, 1);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private final Queue<Integer> writtenOrder = new ConcurrentLinkedQueue<>();

    @Test
    void writesSeveralFramesInOneGatheringWrite() throws Exception {
        OutboundQueue queue = new OutboundQueue();
        ThrottledChannel channel = new ThrottledChannel(Integer.MAX_VALUE);
        byte[] a = TestFrame.payload(100, 1);
        byte[] b = TestFrame.payload(200, 2);
        queue.add(new TestFrame(0, a, 40, writtenOrder));
        queue.add(new TestFrame(1, b, 40, writtenOrder));

        assertThat(queue.writeTo(channel, 0)).isTrue();

        assertThat(channel.buffersPerWrite).containsExactly(1 + 3 + 1 + 5);
        assertThat(channel.received.toByteArray()).isEqualTo(concat(TestFrame.onTheWire(a), TestFrame.onTheWire(b)));
        assertThat(writtenOrder).containsExactly(0, 1);
        assertThat(queue.pendingBytes()).isZero();
    }

    @Test
    void resumesAPartialWriteWhereItStopped() throws Exception {
        OutboundQueue queue = new OutboundQueue();
        ThrottledChannel channel = new ThrottledChannel(0);
        List<byte[]> payloads = IntStream.range(0, 10).mapToObj(i -> TestFrame.payload(1000 + i, i)).toList();
        List<TestFrame> frames = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            frames.add(new TestFrame(i, payloads.get(i), 333, writtenOrder));
            queue.add(frames.get(i));
        }
        long total = payloads.stream().mapToLong(p -> 4 + p.length).sum();
        assertThat(queue.pendingBytes()).isEqualTo(total);

        long expectedPending = total;
        while (true) {
            channel.capacityBytes = 777;
            boolean drained = queue.writeTo(channel, 0);
            expectedPending = Math.max(0, expectedPending - 777);
            assertThat(queue.pendingBytes()).isEqualTo(expectedPending);
            assertThat(drained).isEqualTo(expectedPending == 0);
            if (drained) {
                break;
            }
        }

        byte[] expected = payloads.stream().map(TestFrame::onTheWire).reduce(new byte[0], OutboundQueueTest::concat);
        assertThat(channel.received.toByteArray()).isEqualTo(expected);
        assertThat(writtenOrder).containsExactlyElementsOf(IntStream.range(0, 10).boxed().toList());
        assertThat(frames).allSatisfy(f -> assertThat(f.writtenCalls()).isEqualTo(1));
    }

    @Test
    void handsAtMost1024BuffersToOneWrite() throws Exception {
        OutboundQueue queue = new OutboundQueue();
        ThrottledChannel channel = new ThrottledChannel(Integer.MAX_VALUE);
        for (int i = 0; i < 600; i++) {
            queue.add(new TestFrame(i, TestFrame.payload(10, i), 5, writtenOrder)); // 3 buffers each
        }

        assertThat(queue.writeTo(channel, 0)).isTrue();

        assertThat(channel.buffersPerWrite).containsExactly(1024, 776);
        assertThat(writtenOrder).hasSize(600);
    }

    @Test
    void writesAFrameQueuedFromAnotherFramesCallbackInTheSameFlush() throws Exception {
        OutboundQueue queue = new OutboundQueue();
        ThrottledChannel channel = new ThrottledChannel(Integer.MAX_VALUE);
        byte[] follow = TestFrame.payload(5, 9);
        queue.add(new TestFrame(0, TestFrame.payload(5, 8), 5, writtenOrder) {
            @Override
            public void onWritten(long nowNs) {
                super.onWritten(nowNs);
                queue.add(new TestFrame(1, follow, 5, writtenOrder));
            }
        });

        assertThat(queue.writeTo(channel, 0)).isTrue();

        assertThat(writtenOrder).containsExactly(0, 1);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void completesFramesWithNothingToWrite() throws Exception {
        OutboundQueue queue = new OutboundQueue();
        queue.add(new TestFrame(0, ByteBuffer.allocate(0), 3, writtenOrder));
        queue.add(new TestFrame(1, new byte[0], 1, writtenOrder));

        assertThat(queue.writeTo(new ThrottledChannel(Integer.MAX_VALUE), 0)).isTrue();

        assertThat(writtenOrder).containsExactly(0, 1);
    }

    @Test
    void clearDropsFramesWithoutReportingThemWritten() throws Exception {
        OutboundQueue queue = new OutboundQueue();
        queue.add(new TestFrame(0, TestFrame.payload(100, 1), 10, writtenOrder));
        queue.writeTo(new ThrottledChannel(50), 0);

        queue.clear();

        assertThat(queue.pendingBytes()).isZero();
        assertThat(queue.isEmpty()).isTrue();
        assertThat(writtenOrder).isEmpty();
    }

    @Test
    void keepsOrderWhileTheArraysShiftAndGrow() throws Exception {
        OutboundQueue queue = new OutboundQueue();
        ThrottledChannel channel = new ThrottledChannel(0);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        int next = 0;
        for (int round = 0; round < 200; round++) {
            for (int k = 0; k < round % 7; k++, next++) {
                byte[] p = TestFrame.payload(1 + next % 50, next);
                expected.writeBytes(TestFrame.onTheWire(p));
                queue.add(new TestFrame(next, p, 7, writtenOrder));
            }
            channel.capacityBytes = 90;
            queue.writeTo(channel, 0);
        }
        channel.capacityBytes = Integer.MAX_VALUE;
        assertThat(queue.writeTo(channel, 0)).isTrue();

        assertThat(channel.received.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(writtenOrder).containsExactlyElementsOf(IntStream.range(0, next).boxed().toList());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
