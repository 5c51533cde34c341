package io.odradek.codec.wire;

import java.nio.ByteBuffer;

/**
 * UTF-8 without {@code String.getBytes}: the length is counted and the bytes written in place, so the hot
 * path (record header keys, request strings) allocates nothing. Unpaired surrogates become '?', as the JDK's
 * encoder does, so {@link #length} and the writers always agree.
 */
public final class Utf8 {
    private Utf8() {
    }

    /** The encoded length of {@code s} in bytes. */
    public static int length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 2; // 2 chars -> 4 bytes
                i++;
            } else if (Character.isSurrogate(c)) {
                // unpaired: written as '?', one byte, already counted
            } else {
                bytes += 2;
            }
        }
        return bytes;
    }

    /** Writes {@code s} at {@code dst}'s position, advancing it. */
    public static void write(String s, ByteBuffer dst) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                dst.put((byte) c);
            } else if (c < 0x800) {
                dst.put((byte) (0xC0 | (c >> 6)));
                dst.put((byte) (0x80 | (c & 0x3F)));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                dst.put((byte) (0xF0 | (cp >> 18)));
                dst.put((byte) (0x80 | ((cp >> 12) & 0x3F)));
                dst.put((byte) (0x80 | ((cp >> 6) & 0x3F)));
                dst.put((byte) (0x80 | (cp & 0x3F)));
            } else if (Character.isSurrogate(c)) {
                dst.put((byte) '?');
            } else {
                dst.put((byte) (0xE0 | (c >> 12)));
                dst.put((byte) (0x80 | ((c >> 6) & 0x3F)));
                dst.put((byte) (0x80 | (c & 0x3F)));
            }
        }
    }

    /** Writes {@code s} into {@code dst} from {@code offset}; returns the offset after the last byte. */
    public static int write(String s, byte[] dst, int offset) {
        int n = s.length();
        int p = offset;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                dst[p++] = (byte) c;
            } else if (c < 0x800) {
                dst[p++] = (byte) (0xC0 | (c >> 6));
                dst[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                dst[p++] = (byte) (0xF0 | (cp >> 18));
                dst[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                dst[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                dst[p++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                dst[p++] = (byte) '?';
            } else {
                dst[p++] = (byte) (0xE0 | (c >> 12));
                dst[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                dst[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return p;
    }
}
