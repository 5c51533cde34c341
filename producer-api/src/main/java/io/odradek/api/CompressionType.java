package io.odradek.api;

import java.util.Locale;

/**
 * Batch compression ({@code compression.type}). Levels, where a codec has them, are KIP-390's:
 * {@code compression.gzip.level}, {@code compression.lz4.level}, {@code compression.zstd.level}.
 */
public enum CompressionType {
    NONE(0, Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE),
    GZIP(1, 1, 9, -1),
    SNAPPY(2, Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE),
    LZ4(3, 1, 17, 9),
    ZSTD(4, -131072, 22, 3);

    private final int id;
    private final int minLevel;
    private final int maxLevel;
    private final int defaultLevel;

    CompressionType(int id, int minLevel, int maxLevel, int defaultLevel) {
        this.id = id;
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
        this.defaultLevel = defaultLevel;
    }

    /** The codec id in a record batch's attributes (bits 0-2). */
    public int id() {
        return id;
    }

    public boolean hasLevels() {
        return minLevel != Integer.MIN_VALUE;
    }

    public int minLevel() {
        return minLevel;
    }

    public int maxLevel() {
        return maxLevel;
    }

    /** The codec's default level (gzip's -1 means the JDK's default, 6). */
    public int defaultLevel() {
        return defaultLevel;
    }

    /** Whether {@code level} is allowed; gzip also accepts -1, its default. */
    public boolean isValidLevel(int level) {
        if (!hasLevels()) {
            return false;
        }
        return (level >= minLevel && level <= maxLevel) || (this == GZIP && level == -1);
    }

    /** The name as {@code compression.type} spells it. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@code compression.type} value; null if it names no codec. */
    public static CompressionType parse(String text) {
        for (CompressionType type : values()) {
            if (type.configValue().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        return null;
    }
}
