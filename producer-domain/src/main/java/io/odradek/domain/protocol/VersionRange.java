package io.odradek.domain.protocol;

/** An inclusive range of API versions. */
public record VersionRange(short min, short max) {

    public VersionRange {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("invalid version range " + min + ".." + max);
        }
    }

    public static VersionRange of(int min, int max) {
        return new VersionRange((short) min, (short) max);
    }

    /** The highest version in both ranges, or -1 if they do not overlap. */
    public short highestCommon(VersionRange other) {
        short high = (short) Math.min(max, other.max);
        short low = (short) Math.max(min, other.min);
        return high >= low ? high : -1;
    }

    @Override
    public String toString() {
        return min + ".." + max;
    }
}
