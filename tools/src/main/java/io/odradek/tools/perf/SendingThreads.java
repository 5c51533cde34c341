package io.odradek.tools.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The application threads of a perf run: {@code --threads} threads share one producer and split
 * {@code --num-records} (the first {@code numRecords % threads} send one more) and the throughput target.
 * Each record's latency runs from just before {@code send} to its callback.
 */
final class SendingThreads implements Acknowledgement.Listener {
    private final PerfProducer producer;
    private final PerfOptions options;
    private final List<byte[]> filePayloads;
    private final LatencyStats stats;
    private final FailureLog failures;
    private final LongSupplier clockMs;
    private final TransactionPacer transactions;
    // A send() or commit that throws means the producer is unusable (closed, fatal error, buffer full past
    // max.block.ms, a transaction that could not commit); every thread stops instead of failing the remaining
    // records one by one.
    private final AtomicBoolean aborted = new AtomicBoolean();

    SendingThreads(PerfProducer producer, PerfOptions options, List<byte[]> filePayloads,
                   LatencyStats stats, FailureLog failures, LongSupplier clockMs, TransactionPacer transactions) {
        this.producer = producer;
        this.options = options;
        this.filePayloads = filePayloads;
        this.stats = stats;
        this.failures = failures;
        this.clockMs = clockMs;
        this.transactions = transactions;
    }

    /**
     * Sends every record and returns once all were handed to the producer (not yet acknowledged; with
     * transactions, the last one committed).
     */
    void run() throws InterruptedException {
        int threads = options.threads();
        List<Thread> started = new ArrayList<>();
        long first = 0;
        for (int i = 0; i < threads; i++) {
            long count = share(options.numRecords(), threads, i);
            long from = first;
            int index = i;
            Thread thread = new Thread(() -> send(index, from, from + count), "odradek-perf-" + i);
            thread.start();
            started.add(thread);
            first += count;
        }
        for (Thread thread : started) {
            thread.join();
        }
        if (!aborted.get()) {
            try {
                transactions.finish();
            } catch (RuntimeException e) {
                failures.record(e);
                aborted.set(true);
            }
        }
    }

    boolean aborted() {
        return aborted.get();
    }

    /** Records of thread {@code index} when {@code total} are split between {@code threads}. */
    static long share(long total, int threads, int index) {
        return total / threads + (index < total % threads ? 1 : 0);
    }

    private void send(int threadIndex, long fromRecord, long toRecord) {
        Payloads payloads = Payloads.forThread(options, filePayloads, threadIndex);
        RandomKeys keys = RandomKeys.forThread(options.randomKeys(), threadIndex);
        double throughput = options.throughput() < 0 ? -1 : options.throughput() / options.threads();
        Throttler throttler = new Throttler(throughput, clockMs.getAsLong());
        try {
            for (long n = fromRecord; n < toRecord && !aborted.get(); n++) {
                byte[] value = payloads.next(n);
                long sendStartMs = clockMs.getAsLong();
                try {
                    transactions.beforeSend(sendStartMs);
                    producer.send(options.topic(), keys.next(), value,
                            new Acknowledgement(this, sendStartMs, value.length));
                    // The send's start time, as Kafka's tool compares it: no second clock read per record (a
                    // profile of S1 found each read at ~5% of the sending thread's time on this VM's kvm-clock).
                    transactions.afterSend(sendStartMs);
                } catch (RuntimeException e) {
                    failures.record(e);
                    aborted.set(true);
                    return;
                }
                if (throttler.shouldThrottle(n - fromRecord, sendStartMs)) {
                    throttler.throttle();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            aborted.set(true);
        }
    }

    @Override
    public void acknowledged(long sendStartMs, int valueBytes, Exception exception) {
        if (exception != null) {
            failures.record(exception);
            return;
        }
        long nowMs = clockMs.getAsLong();
        stats.record((int) (nowMs - sendStartMs), valueBytes, nowMs);
    }
}
