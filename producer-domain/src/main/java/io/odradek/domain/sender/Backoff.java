package io.odradek.domain.sender;

/** Exponential backoff with jitter (KIP-580): base * 2^attempts, capped, then +/-20%. */
final class Backoff {
    static final double JITTER = 0.2;

    private Backoff() {
    }

    /**
     * @param random a number in [0, 1) that picks the jitter
     */
    static long exponential(long baseNs, long maxNs, int attempts, double random) {
        if (baseNs <= 0) {
            return 0;
        }
        double raw = baseNs * Math.pow(2, Math.min(attempts, 30));
        double capped = Math.min(raw, Math.max(baseNs, maxNs));
        double jittered = capped * (1 - JITTER + 2 * JITTER * random);
        return (long) jittered;
    }
}
