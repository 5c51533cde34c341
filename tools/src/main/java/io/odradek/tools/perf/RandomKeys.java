package io.odradek.tools.perf;

import java.util.SplittableRandom;

/**
 * The keys of {@code --random-keys N}: N keys of 16 random bytes, made before the run, and for each record one of
 * them drawn at random, so the default partitioner's murmur2 spreads the records over every partition as random
 * keys would, without the run paying for making a key per record. One instance per sending thread.
 */
final class RandomKeys {
    static final int KEY_BYTES = 16;
    private static final RandomKeys NONE = new RandomKeys(new byte[0][], null);

    private final byte[][] keys;
    private final SplittableRandom random;

    private RandomKeys(byte[][] keys, SplittableRandom random) {
        this.keys = keys;
        this.random = random;
    }

    /** No keys for {@code count == 0}; otherwise the same {@code count} keys in every thread, drawn in its own order. */
    static RandomKeys forThread(int count, int threadIndex) {
        if (count == 0) {
            return NONE;
        }
        SplittableRandom keyMaker = new SplittableRandom(0x6b657973L);
        byte[][] keys = new byte[count][KEY_BYTES];
        for (byte[] key : keys) {
            keyMaker.nextBytes(key);
        }
        return new RandomKeys(keys, new SplittableRandom(threadIndex));
    }

    /** The next record's key, or null without keys. */
    byte[] next() {
        return keys.length == 0 ? null : keys[random.nextInt(keys.length)];
    }
}
