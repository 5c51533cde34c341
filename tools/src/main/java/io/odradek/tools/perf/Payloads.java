package io.odradek.tools.perf;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;
import java.util.SplittableRandom;

import io.odradek.tools.UsageException;

/**
 * Record values for a perf run, made as Kafka's perf tool makes them: {@code --record-size} bytes of random
 * uppercase letters ('A'..'Z', from a {@link SplittableRandom} seeded with the thread's index; drawn four
 * at a time, see {@link #fillWithRandomLetters}), a random pick among the
 * payloads of {@code --payload-file}, or the record's number as text ({@code --payload-monotonic}).
 *
 * <p>One instance per sending thread (the random generator is not thread-safe). Like Kafka's tool, one
 * array is refilled for every record: the producer has copied a record's bytes by the time {@code send}
 * returns, so reusing it is safe and keeps the per-record cost the same as in the tool we compare with.
 */
final class Payloads {
    private final Integer recordSizeBytes;
    private final List<byte[]> filePayloads;
    private final SplittableRandom random;
    private final byte[] payload;

    private Payloads(Integer recordSizeBytes, List<byte[]> filePayloads, long seed) {
        this.recordSizeBytes = recordSizeBytes;
        this.filePayloads = filePayloads;
        this.random = new SplittableRandom(seed);
        this.payload = recordSizeBytes == null ? null : new byte[recordSizeBytes];
    }

    /** Payloads for sending thread {@code threadIndex}: its generator is seeded with the index (Kafka's with 0). */
    static Payloads forThread(PerfOptions options, List<byte[]> filePayloads, int threadIndex) {
        return new Payloads(options.recordSizeBytes(), filePayloads, threadIndex);
    }

    byte[] next(long recordNumber) {
        if (!filePayloads.isEmpty()) {
            return filePayloads.get(random.nextInt(filePayloads.size()));
        }
        if (recordSizeBytes != null) {
            fillWithRandomLetters(payload, random);
            return payload;
        }
        return Long.toString(recordNumber).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Uniform random 'A'..'Z', four letters from each 64-bit draw (its 16-bit fields from the lowest up, each
     * scaled to 26: a bias below 0.04%; the unused fields of the last draw are dropped). Kafka's tool draws one
     * bounded int per letter, which costs about 0.35 us per 100-byte record on this class of machine: a third
     * of the whole send path. Same letters, same compressibility, a quarter of the draws, so the run measures
     * the producer rather than the payload generator. The four letters of a draw are written without a loop
     * so that the JIT computes them side by side (about 140 -> 110 ns per 100-byte record).
     */
    static void fillWithRandomLetters(byte[] payload, SplittableRandom random) {
        int wholeDraws = payload.length & ~3;
        int i = 0;
        for (; i < wholeDraws; i += 4) {
            long bits = random.nextLong();
            payload[i] = letter(bits);
            payload[i + 1] = letter(bits >>> 16);
            payload[i + 2] = letter(bits >>> 32);
            payload[i + 3] = letter(bits >>> 48);
        }
        if (i < payload.length) {
            long bits = random.nextLong();
            for (; i < payload.length; i++, bits >>>= 16) {
                payload[i] = letter(bits);
            }
        }
    }

    private static byte letter(long bits) {
        return (byte) ('A' + (((bits & 0xFFFF) * 26) >>> 16));
    }

    /** The payloads of {@code --payload-file}, announced on {@code out} in Kafka's words; empty without the flag. */
    static List<byte[]> readFile(Path file, String delimiter, PrintStream out) throws IOException, UsageException {
        List<byte[]> payloads = new ArrayList<>();
        if (file == null) {
            return payloads;
        }
        out.println("Reading payloads from: " + file.toAbsolutePath());
        if (Files.notExists(file) || Files.size(file) == 0) {
            throw new UsageException("File does not exist or empty file provided.");
        }
        // Kafka splits with a Scanner, so the delimiter is a regular expression there and here.
        try (Scanner scanner = new Scanner(file, StandardCharsets.UTF_8)) {
            scanner.useDelimiter(delimiter);
            while (scanner.hasNext()) {
                payloads.add(scanner.next().getBytes(StandardCharsets.UTF_8));
            }
        }
        out.println("Number of messages read: " + payloads.size());
        return payloads;
    }
}
