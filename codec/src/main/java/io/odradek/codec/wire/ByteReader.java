package io.odradek.codec.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads Kafka's primitive types with a sticky error: once the bytes run out (or a length is impossible) every
 * later read returns a zero value and {@link #error()} holds the first problem, so a decoder checks once per
 * frame instead of after every field. Loops over arrays stay bounded because an impossible count is an error.
 */
public final class ByteReader {
    private final ByteBuffer buffer;
    private String error;

    /** Reads {@code buffer} from its position to its limit; the buffer's position advances. */
    public ByteReader(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /** The first problem met, or null if all reads so far were well-formed. */
    public String error() {
        return error;
    }

    public boolean failed() {
        return error != null;
    }

    public int remaining() {
        return buffer.remaining();
    }

    public int position() {
        return buffer.position();
    }

    /** A fresh reader over the same bytes from {@code position}, for decoding a body a second way. */
    public ByteReader restartAt(int position) {
        ByteBuffer copy = buffer.duplicate();
        copy.position(position);
        return new ByteReader(copy);
    }

    /** Continues where {@code other} (from {@link #restartAt}) stopped, taking its error state. */
    public void adopt(ByteReader other) {
        buffer.position(other.buffer.position());
        error = other.error;
    }

    /** Records a problem found by a decoder (e.g. a value out of range); the first one wins. */
    public void fail(String problem) {
        if (error == null) {
            error = problem + " at byte " + buffer.position();
        }
    }

    private boolean has(int n, String what) {
        if (error != null) {
            return false;
        }
        if (buffer.remaining() < n) {
            fail("truncated " + what + " (needs " + n + " bytes, " + buffer.remaining() + " left)");
            return false;
        }
        return true;
    }

    public byte int8() {
        return has(1, "int8") ? buffer.get() : 0;
    }

    public boolean bool() {
        return int8() != 0;
    }

    public short int16() {
        return has(2, "int16") ? buffer.getShort() : 0;
    }

    public int int32() {
        return has(4, "int32") ? buffer.getInt() : 0;
    }

    public long int64() {
        return has(8, "int64") ? buffer.getLong() : 0;
    }

    public int unsignedVarint() {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (!has(1, "varint")) {
                return 0;
            }
            byte b = buffer.get();
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        fail("varint longer than 5 bytes");
        return 0;
    }

    public int varint() {
        int raw = unsignedVarint();
        return (raw >>> 1) ^ -(raw & 1);
    }

    public long unsignedVarlong() {
        long value = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (!has(1, "varlong")) {
                return 0;
            }
            byte b = buffer.get();
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        fail("varlong longer than 10 bytes");
        return 0;
    }

    public long varlong() {
        long raw = unsignedVarlong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** Skips a UUID (the producer names topics, it has no use for their ids). */
    public void skipUuid() {
        skip(16);
    }

    public void skip(int n) {
        if (n < 0) {
            fail("negative length " + n);
        } else if (has(n, "field")) {
            buffer.position(buffer.position() + n);
        }
    }

    /** BYTES (INT32 length) or COMPACT_BYTES (unsigned varint length + 1); a null on the wire reads as empty. */
    public byte[] bytes(boolean flexible) {
        int length = flexible ? unsignedVarint() - 1 : int32();
        if (error != null || length == -1) {
            return new byte[0];
        }
        if (length < -1) {
            fail("invalid bytes length " + length);
            return new byte[0];
        }
        if (!has(length, "bytes")) {
            return new byte[0];
        }
        byte[] value = new byte[length];
        buffer.get(value);
        return value;
    }

    /** STRING / NULLABLE_STRING: INT16 length, -1 for null. */
    public String nullableString() {
        return utf8(int16(), "string");
    }

    /** COMPACT_(NULLABLE_)STRING: unsigned varint length + 1, 0 for null. */
    public String compactNullableString() {
        return utf8(unsignedVarint() - 1, "compact string");
    }

    public String string(boolean flexible) {
        return flexible ? compactNullableString() : nullableString();
    }

    /** A non-nullable string; a null on the wire is a protocol error. */
    public String requiredString(boolean flexible) {
        String s = string(flexible);
        if (s == null && error == null) {
            fail("null where a string is required");
        }
        return s == null ? "" : s;
    }

    private String utf8(int length, String what) {
        if (error != null || length == -1) {
            return null;
        }
        if (length < -1) {
            fail("invalid " + what + " length " + length);
            return null;
        }
        if (!has(length, what)) {
            return null;
        }
        String s;
        if (buffer.hasArray()) {
            s = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
        } else {
            byte[] bytes = new byte[length];
            buffer.get(bytes);
            s = new String(bytes, StandardCharsets.UTF_8);
        }
        return s;
    }

    /**
     * An array's element count (INT32, or unsigned varint count + 1 when flexible); -1 for a null array.
     * A count larger than the bytes left (each element takes at least {@code minElementBytes}) is an error,
     * so a corrupt count cannot make a decoder allocate or loop without bound.
     */
    public int arrayLength(boolean flexible, int minElementBytes) {
        int n = flexible ? unsignedVarint() - 1 : int32();
        if (error != null) {
            return 0;
        }
        if (n < -1) {
            fail("invalid array length " + n);
            return 0;
        }
        if (n > 0 && (long) n * minElementBytes > buffer.remaining()) {
            fail("array of " + n + " elements exceeds the " + buffer.remaining() + " bytes left");
            return 0;
        }
        return n;
    }

    /** Skips an INT32 array (replica lists and the like). */
    public void skipInt32Array(boolean flexible) {
        int n = arrayLength(flexible, 4);
        if (n > 0) {
            skip(4 * n);
        }
    }

    /** Skips a whole tagged-field section: for structs where we know no tag worth reading. */
    public void skipTaggedFields() {
        int count = unsignedVarint();
        for (int i = 0; i < count && error == null; i++) {
            unsignedVarint();
            skip(unsignedVarint());
        }
    }

    /**
     * Reads a tagged-field section, handing each known tag to {@code handler} and skipping the rest.
     * Whatever the handler reads, the reader continues after the field's declared size, so a newer
     * broker may grow a tagged struct without breaking us.
     */
    public void readTaggedFields(TagHandler handler) {
        int count = unsignedVarint();
        for (int i = 0; i < count && error == null; i++) {
            int tag = unsignedVarint();
            int size = unsignedVarint();
            if (error != null || !has(size, "tagged field")) {
                return;
            }
            int end = buffer.position() + size;
            int limit = buffer.limit();
            buffer.limit(end);
            handler.read(tag, this);
            buffer.limit(limit);
            if (error == null) {
                buffer.position(end);
            }
        }
    }

    /** Reads one tagged field's value; ignore tags you do not know. */
    @FunctionalInterface
    public interface TagHandler {
        void read(int tag, ByteReader reader);
    }
}
