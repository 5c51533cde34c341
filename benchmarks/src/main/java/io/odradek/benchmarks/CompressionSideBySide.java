package io.odradek.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The compression comparison for shared, noisy machines, where JMH's wall-clock scores of one side and then the
 * other drift with the neighbours' load: the same operations as {@link CompressionBenchmark}, but ours and
 * Kafka's alternate within every round, and each operation is timed in this thread's CPU time, which time-slicing
 * with other processes does not inflate. Prints the median over rounds of MB per CPU-second per side.
 *
 * <pre>java -cp benchmarks.jar io.odradek.benchmarks.CompressionSideBySide [ROUNDS] [OPS_PER_ROUND]</pre>
 */
public final class CompressionSideBySide {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CompressionSideBySide() {
    }

    @FunctionalInterface
    private interface Operation {
        int run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int opsPerRound = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf("| codec | input | odradek MB/CPU-s | Kafka one write | Kafka per-record writes "
                + "| odradek / Kafka one write | odradek / Kafka per-record |%n|---|---|---:|---:|---:|---:|---:|%n");
        for (String codec : new String[] {"gzip", "snappy", "lz4", "zstd"}) {
            for (String data : new String[] {"json", "random"}) {
                CompressionBenchmark state = new CompressionBenchmark();
                state.codec = codec;
                state.data = data;
                state.setUp();
                Operation[] sides = {state::odradek, state::kafkaOneWrite, state::kafkaPerRecordWrites};
                double[][] mbPerCpuSecond = new double[sides.length][rounds];
                for (int warm = 0; warm < 3; warm++) {
                    for (Operation side : sides) {
                        timeCpuNs(side, Math.max(opsPerRound, 20));
                    }
                }
                for (int round = 0; round < rounds; round++) {
                    for (int k = 0; k < sides.length; k++) {
                        int side = (round + k) % sides.length; // rotate who goes first
                        long cpuNs = timeCpuNs(sides[side], opsPerRound);
                        mbPerCpuSecond[side][round] = (double) CompressionBenchmark.INPUT_BYTES * opsPerRound
                                / 1e6 / (cpuNs / 1e9);
                    }
                }
                double ours = median(mbPerCpuSecond[0]);
                double oneWrite = median(mbPerCpuSecond[1]);
                double perRecord = median(mbPerCpuSecond[2]);
                System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.2f | %.2f |%n", codec, data, ours,
                        oneWrite, perRecord, ours / oneWrite, ours / perRecord);
            }
        }
    }

    private static long timeCpuNs(Operation operation, int times) throws Exception {
        long start = THREADS.getCurrentThreadCpuTime();
        int sink = 0;
        for (int i = 0; i < times; i++) {
            sink += operation.run();
        }
        long cpuNs = THREADS.getCurrentThreadCpuTime() - start;
        if (sink == 42) {
            System.out.print(""); // keeps the results alive
        }
        return Math.max(1, cpuNs);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
