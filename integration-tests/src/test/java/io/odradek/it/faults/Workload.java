package io.odradek.it.faults;

import java.time.Duration;

/**
 * What a {@link NumberedStream} sends: how many records at most, how fast, keyed or not, how big.
 *
 * @param keys             0 for unkeyed records (the producer's sticky partitioner spreads them), else the number
 *                         of distinct keys the records cycle through
 * @param recordsPerSecond the steady rate, or 0 to send flat out
 * @param maxRecords       the stream ends after this many, unless stopped earlier
 * @param valueBytes       size of each value: the sequence number, then padding
 */
record Workload(int keys, int recordsPerSecond, int maxRecords, int valueBytes) {

    static final int SEQUENCE_BYTES = Long.BYTES;

    Workload {
        if (keys < 0 || recordsPerSecond < 0 || maxRecords < 1 || valueBytes < SEQUENCE_BYTES) {
            throw new IllegalArgumentException("not a workload: " + keys + " keys, " + recordsPerSecond
                    + " records/s, " + maxRecords + " records of " + valueBytes + " bytes");
        }
    }

    /** Records at a steady rate until stopped (or {@code longest} has passed), {@code keys} keys or none. */
    static Workload steady(int recordsPerSecond, int keys, Duration longest) {
        return new Workload(keys, recordsPerSecond, Math.toIntExact(recordsPerSecond * longest.toSeconds()), 100);
    }

    /** {@code records} unkeyed records as fast as the producer takes them. */
    static Workload flatOut(int records) {
        return new Workload(0, 0, records, 100);
    }

    boolean keyed() {
        return keys > 0;
    }

    boolean flatOut() {
        return recordsPerSecond == 0;
    }

    /** {@code keyed, 2000/s} or {@code unkeyed, flat out}: how the report names the workload. */
    String describe() {
        return (keyed() ? "keyed" : "unkeyed") + ", " + (flatOut() ? "flat out" : recordsPerSecond + "/s");
    }
}
