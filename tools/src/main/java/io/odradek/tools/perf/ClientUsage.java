package io.odradek.tools.perf;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * CPU time and heap of this JVM — the client's — measured around a perf run. The broker runs in its own
 * JVM, so none of its work is counted.
 */
final class ClientUsage {
    private final long startCpuNs;

    private ClientUsage(long startCpuNs) {
        this.startCpuNs = startCpuNs;
    }

    /** Starts measuring now; also resets the heap pools' peaks so setup does not count. */
    static ClientUsage start() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        return new ClientUsage(processCpuNs());
    }

    long cpuNsSinceStart() {
        long now = processCpuNs();
        return now < 0 || startCpuNs < 0 ? -1 : now - startCpuNs;
    }

    /** Sum of the heap pools' peaks: an upper bound of the peak heap (pools peak at different moments). */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /**
     * {@code odradek: client cpu 1.23 s (0.31 us/record), peak heap 210 MB, transport nio, threads 1, failed 0}.
     * A negative {@code cpuNs} means the JVM cannot tell.
     */
    static String line(long cpuNs, long records, long peakHeapBytes, String transport, int threads, long failed) {
        String cpu = cpuNs < 0 ? "client cpu n/a"
                : String.format(Locale.ROOT, "client cpu %.2f s (%.2f us/record)", cpuNs / 1e9,
                        records == 0 ? 0.0 : cpuNs / 1e3 / records);
        return String.format(Locale.ROOT, "odradek: %s, peak heap %d MB, transport %s, threads %d, failed %d",
                cpu, peakHeapBytes / (1024 * 1024), transport, threads, failed);
    }

    // The whole process: application threads, the producer's I/O thread, GC and JIT threads.
    private static long processCpuNs() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            long cpuNs = sun.getProcessCpuTime();
            if (cpuNs >= 0) {
                return cpuNs;
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            return -1;
        }
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }
}
