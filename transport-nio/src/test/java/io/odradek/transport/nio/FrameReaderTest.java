package io.odradek.transport.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

    /** Hands out a fixed byte stream in chunks of scripted sizes, then end of stream. */
    private static final class ChunkedChannel implements ReadableByteChannel {
        private final ByteBuffer stream;
        private final Random chunkSizes;
        private final int maxChunkBytes;

        ChunkedChannel(byte[] stream, long seed, int maxChunkBytes) {
            this.stream = ByteBuffer.wrap(stream);
            this.chunkSizes = new Random(seed);
            this.maxChunkBytes = maxChunkBytes;
        }

        @Override
        public int read(ByteBuffer target) {
            if (!stream.hasRemaining()) {
                return -1;
            }
            int n = Math.min(Math.min(1 + chunkSizes.nextInt(maxChunkBytes), stream.remaining()), target.remaining());
            target.put(stream.slice(stream.position(), n));
            stream.position(stream.position() + n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private static byte[] frames(List<byte[]> payloads) {
        ByteBuffer stream = ByteBuffer.allocate(payloads.stream().mapToInt(p -> 4 + p.length).sum());
        payloads.forEach(p -> stream.putInt(p.length).put(p));
        return stream.array();
    }

    private static List<byte[]> readAll(FrameReader reader, ReadableByteChannel channel) throws IOException {
        List<byte[]> out = new ArrayList<>();
        while (reader.readFrom(channel) >= 0) {
            ByteBuffer frame;
            while ((frame = reader.nextFrame()) != null) {
                byte[] bytes = new byte[frame.remaining()];
                frame.get(bytes);
                out.add(bytes);
            }
        }
        return out;
    }

    private static byte[] payload(int size, int seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void cutsFramesOutOfArbitrarilyChunkedReads() throws IOException {
        List<byte[]> payloads = new ArrayList<>();
        Random sizes = new Random(42);
        for (int i = 0; i < 500; i++) {
            payloads.add(payload(sizes.nextInt(3000), i));
        }
        byte[] stream = frames(payloads);
        for (int maxChunk : new int[] {1, 3, 7, 1000, 100_000}) {
            FrameReader reader = new FrameReader(1 << 20);
            assertThat(readAll(reader, new ChunkedChannel(stream, maxChunk, maxChunk)))
                    .as("chunks up to %d bytes", maxChunk).containsExactlyElementsOf(payloads);
            assertThat(reader.hasPartialFrame()).isFalse();
        }
    }

    @Test
    void growsForAFrameLargerThanItsBufferAndShrinksAfterwards() throws IOException {
        byte[] big = payload(3 * 1024 * 1024, 1);
        byte[] small = payload(10, 2);
        FrameReader reader = new FrameReader(4 * 1024 * 1024);
        ChunkedChannel channel = new ChunkedChannel(frames(List.of(small, big, small)), 5, 200_000);

        assertThat(readAll(reader, channel)).containsExactly(small, big, small);

        // The stream is drained, so the next read starts from an empty buffer: the big one is let go.
        assertThat(reader.readFrom(new ChunkedChannel(frames(List.of(small)), 1, 100))).isPositive();
        assertThat(reader.capacityBytes()).isEqualTo(FrameReader.INITIAL_CAPACITY_BYTES);
    }

    @Test
    void handsOutFramesAsSlicesStartingAtIndexZero() throws IOException {
        FrameReader reader = new FrameReader(100);
        reader.readFrom(new ChunkedChannel(frames(List.of(new byte[] {1, 2}, new byte[] {7, 8, 9})), 1, 100));
        reader.nextFrame();
        ByteBuffer second = reader.nextFrame();
        assertThat(second.position()).isZero();
        assertThat(second.remaining()).isEqualTo(3);
        assertThat(second.get(0)).isEqualTo((byte) 7);
    }

    @Test
    void rejectsAFrameAboveTheMaximumBeforeBufferingIt() throws IOException {
        FrameReader reader = new FrameReader(1000);
        reader.readFrom(new ChunkedChannel(ByteBuffer.allocate(8).putInt(1001).array(), 1, 100));
        assertThatThrownBy(reader::nextFrame).isInstanceOf(InvalidFrameException.class)
                .hasMessageContaining("1001").hasMessageContaining("1000");
    }

    @Test
    void rejectsANegativeSize() throws IOException {
        FrameReader reader = new FrameReader(1000);
        reader.readFrom(new ChunkedChannel(ByteBuffer.allocate(4).putInt(-5).array(), 1, 100));
        assertThatThrownBy(reader::nextFrame).isInstanceOf(InvalidFrameException.class).hasMessageContaining("-5");
    }

    @Test
    void reportsATruncatedFrameAtEndOfStream() throws IOException {
        FrameReader reader = new FrameReader(1000);
        byte[] truncated = ByteBuffer.allocate(10).putInt(100).array();
        assertThat(readAll(reader, new ChunkedChannel(truncated, 1, 3))).isEmpty();
        assertThat(reader.hasPartialFrame()).isTrue();
    }
}
