package io.odradek.codec.wire;

/** Sizes of Kafka's varints (unsigned LEB128, and zigzag for signed values). */
public final class Varints {
    private Varints() {
    }

    public static int zigzag(int v) {
        return (v << 1) ^ (v >> 31);
    }

    public static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    /** Bytes of {@code v} as an unsigned varint (1..5). */
    public static int unsignedVarintSize(int v) {
        // 7 payload bits per byte; leading zeros tell how many groups are needed.
        int bits = 32 - Integer.numberOfLeadingZeros(v | 1);
        return (bits + 6) / 7;
    }

    /** Bytes of {@code v} as an unsigned varlong (1..10). */
    public static int unsignedVarlongSize(long v) {
        int bits = 64 - Long.numberOfLeadingZeros(v | 1);
        return (bits + 6) / 7;
    }

    public static int varintSize(int v) {
        return unsignedVarintSize(zigzag(v));
    }

    public static int varlongSize(long v) {
        return unsignedVarlongSize(zigzag(v));
    }
}
