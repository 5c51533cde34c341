package io.odradek.codec.wire;

import java.util.Arrays;
import java.util.UUID;

/**
 * Writes Kafka's primitive types, big-endian, into a growable heap array. Requests are small apart from
 * their record batches, which never pass through here (see {@code ProduceRequestEncoder}); give a good
 * initial capacity and it never grows.
 */
public final class ByteWriter {
    private byte[] bytes;
    private int position;

    public ByteWriter(int initialCapacityBytes) {
        bytes = new byte[Math.max(16, initialCapacityBytes)];
    }

    public int position() {
        return position;
    }

    /** The backing array; valid from 0 to {@link #position()}, and only until the next write. */
    public byte[] array() {
        return bytes;
    }

    private void ensure(int more) {
        if (position + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, position + more));
        }
    }

    public ByteWriter int8(int v) {
        ensure(1);
        bytes[position++] = (byte) v;
        return this;
    }

    public ByteWriter bool(boolean v) {
        return int8(v ? 1 : 0);
    }

    public ByteWriter int16(int v) {
        ensure(2);
        bytes[position++] = (byte) (v >>> 8);
        bytes[position++] = (byte) v;
        return this;
    }

    public ByteWriter int32(int v) {
        ensure(4);
        putInt(position, v);
        position += 4;
        return this;
    }

    /** Overwrites 4 bytes at {@code index} (a size prefix reserved earlier). */
    public void putInt(int index, int v) {
        bytes[index] = (byte) (v >>> 24);
        bytes[index + 1] = (byte) (v >>> 16);
        bytes[index + 2] = (byte) (v >>> 8);
        bytes[index + 3] = (byte) v;
    }

    public ByteWriter int64(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[position++] = (byte) (v >>> shift);
        }
        return this;
    }

    public ByteWriter unsignedVarint(int v) {
        ensure(5);
        while ((v & ~0x7F) != 0) {
            bytes[position++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[position++] = (byte) v;
        return this;
    }

    public ByteWriter varint(int v) {
        return unsignedVarint(Varints.zigzag(v));
    }

    public ByteWriter uuid(UUID id) {
        return int64(id.getMostSignificantBits()).int64(id.getLeastSignificantBits());
    }

    /** A null UUID is written as all zeros, Kafka's "no id". */
    public ByteWriter zeroUuid() {
        return int64(0).int64(0);
    }

    /** STRING / NULLABLE_STRING (INT16 length, -1 for null). */
    public ByteWriter nullableString(String s) {
        if (s == null) {
            return int16(-1);
        }
        int length = Utf8.length(s);
        if (length > Short.MAX_VALUE) {
            throw new IllegalArgumentException("string longer than 32767 bytes: " + length);
        }
        int16(length);
        return utf8(s, length);
    }

    /** COMPACT_(NULLABLE_)STRING (unsigned varint length + 1, 0 for null). */
    public ByteWriter compactNullableString(String s) {
        if (s == null) {
            return unsignedVarint(0);
        }
        int length = Utf8.length(s);
        unsignedVarint(length + 1);
        return utf8(s, length);
    }

    /** A string in the flexible (compact) or classic form, nullable in both. */
    public ByteWriter string(String s, boolean flexible) {
        return flexible ? compactNullableString(s) : nullableString(s);
    }

    /**
     * A STRING or COMPACT_STRING the schema does not allow to be null (transactional ids, topic names): a null
     * here is the caller's bug, refused before it becomes a length of -1 that the broker reads as garbage.
     */
    public ByteWriter requiredString(String s, boolean flexible) {
        if (s == null) {
            throw new IllegalArgumentException("null where the protocol requires a string");
        }
        return string(s, flexible);
    }

    /** BYTES (INT32 length) or COMPACT_BYTES (unsigned varint length + 1) when flexible; never null. */
    public ByteWriter bytes(byte[] value, boolean flexible) {
        if (flexible) {
            unsignedVarint(value.length + 1);
        } else {
            int32(value.length);
        }
        ensure(value.length);
        System.arraycopy(value, 0, bytes, position, value.length);
        position += value.length;
        return this;
    }

    /** An array length: INT32, or unsigned varint length + 1 when flexible. */
    public ByteWriter arrayLength(int n, boolean flexible) {
        return flexible ? unsignedVarint(n + 1) : int32(n);
    }

    /** An empty tagged-field section: we never send optional tags. */
    public ByteWriter noTaggedFields() {
        return int8(0);
    }

    private ByteWriter utf8(String s, int length) {
        ensure(length);
        position = Utf8.write(s, bytes, position);
        return this;
    }
}
