package io.odradek.compression;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;

/**
 * Everything that touches zstd-jni, kept apart from {@link ZstdCodec} so the codec still loads (and can report what
 * is missing) when the jar is absent.
 */
final class ZstdLibrary {

    // a compression context holds native tables worth up to megabytes: one per thread, reused for every batch
    private static final ThreadLocal<ThreadState> STATE = ThreadLocal.withInitial(ThreadState::new);

    private ZstdLibrary() {
    }

    static void probe() {
        Zstd.compress(new byte[] {1, 2, 3, 4});
    }

    static int compressFrame(ByteBuffer src, ByteBuffer dst, int level) {
        ThreadState state = STATE.get();
        ZstdCompressCtx context = state.context(level);
        int srcBytes = src.remaining();
        int written;
        if (src.isDirect() && dst.isDirect()) {
            written = context.compressDirectByteBuffer(dst, dst.position(), dst.remaining(), src, src.position(),
                    srcBytes);
        } else if (src.hasArray() && dst.hasArray()) {
            written = context.compressByteArray(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining(),
                    src.array(), src.arrayOffset() + src.position(), srcBytes);
        } else {
            written = compressStaged(context, state, src, dst);
        }
        src.position(src.limit());
        dst.position(dst.position() + written);
        return written;
    }

    /** zstd-jni takes two heap arrays or two direct buffers; a mixed pair goes through heap scratch arrays. */
    private static int compressStaged(ZstdCompressCtx context, ThreadState state, ByteBuffer src, ByteBuffer dst) {
        int srcBytes = src.remaining();
        byte[] in;
        int inOffset;
        if (src.hasArray()) {
            in = src.array();
            inOffset = src.arrayOffset() + src.position();
        } else {
            in = state.input(srcBytes);
            inOffset = 0;
            src.get(src.position(), in, 0, srcBytes);
        }
        if (dst.hasArray()) {
            return context.compressByteArray(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining(),
                    in, inOffset, srcBytes);
        }
        byte[] out = state.output((int) Zstd.compressBound(srcBytes));
        int written = context.compressByteArray(out, 0, out.length, in, inOffset, srcBytes);
        dst.put(dst.position(), out, 0, written);
        return written;
    }

    /** Reads one or more frames, with or without a content size (Kafka's streaming writer leaves it out). */
    static ByteBuffer decompressFrames(ByteBuffer src) {
        try (InputStream in = new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(Buffers.heapBytes(src)))) {
            ByteBuffer out = ByteBuffer.wrap(in.readAllBytes());
            src.position(src.limit());
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed zstd frame: " + e.getMessage(), e);
        }
    }

    private static final class ThreadState {
        private final ZstdCompressCtx context = new ZstdCompressCtx();
        private int level = Integer.MIN_VALUE;
        private byte[] input = new byte[0];
        private byte[] output = new byte[0];

        ZstdCompressCtx context(int requestedLevel) {
            if (requestedLevel != level) {
                context.setLevel(requestedLevel);
                level = requestedLevel;
            }
            return context;
        }

        byte[] input(int sizeBytes) {
            if (input.length < sizeBytes) {
                input = new byte[sizeBytes];
            }
            return input;
        }

        byte[] output(int sizeBytes) {
            if (output.length < sizeBytes) {
                output = new byte[sizeBytes];
            }
            return output;
        }
    }
}
