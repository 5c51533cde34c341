package io.odradek.it.produce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.odradek.api.RecordFuture;
import io.odradek.api.Callback;
import io.odradek.api.Producer;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordMetadata;

/**
 * Sends through an Odradek producer and remembers every record in send order, with the wall-clock window
 * of each send so default timestamps can be checked. Thread-safe: concurrent senders each get their
 * records in their own order.
 */
public final class SentRecords {

    private final Producer<byte[], byte[]> producer;
    private final List<SentRecord> sent = Collections.synchronizedList(new ArrayList<>());

    public SentRecords(Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    public SentRecord send(ProducerRecord<byte[], byte[]> record) {
        return send(record, null);
    }

    public SentRecord send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        // Copy the headers first: the producer may treat them as read-only, but the test compares later.
        var headers = record.headers().toList();
        long beforeMs = System.currentTimeMillis();
        RecordFuture future = callback == null ? producer.send(record)
                : producer.send(record, callback);
        long afterMs = System.currentTimeMillis();
        synchronized (sent) {
            long earliest = record.timestamp() != null ? record.timestamp() : beforeMs;
            long latest = record.timestamp() != null ? record.timestamp() : afterMs;
            SentRecord entry = new SentRecord(sent.size(), record, headers, earliest, latest, future);
            sent.add(entry);
            return entry;
        }
    }

    /** Every record sent so far, in send order. */
    public List<SentRecord> all() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** Which records are still waiting, and what the producer's threads are doing, for a hang's report. */
    private static String describeIncomplete(List<SentRecord> records, Duration timeout) {
        List<Integer> incomplete = records.stream().filter(r -> !r.future().isDone())
                .map(SentRecord::sendIndex).toList();
        StringBuilder report = new StringBuilder().append(incomplete.size()).append(" of ").append(records.size())
                .append(" sends not acknowledged after ").append(timeout).append(", e.g. sends ")
                .append(incomplete.subList(0, Math.min(20, incomplete.size()))).append("\nProducer threads:");
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().toLowerCase(java.util.Locale.ROOT).contains("odradek")) {
                report.append("\n\"").append(thread.getName()).append("\" ").append(thread.getState());
                for (StackTraceElement frame : stack) {
                    report.append("\n    at ").append(frame);
                }
            }
        });
        return report.toString();
    }

    public int size() {
        return sent.size();
    }

    /** Waits until every future completed successfully, or fails the test with the first error. */
    public List<RecordMetadata> awaitAcknowledged(Duration timeout) throws Exception {
        List<SentRecord> records = all();
        try {
            CompletableFuture.allOf(records.stream().map(r -> r.future().toCompletableFuture())
                            .toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(describeIncomplete(records, timeout), e);
        }
        List<RecordMetadata> metadata = new ArrayList<>();
        for (SentRecord record : records) {
            metadata.add(record.future().join());
        }
        assertThat(metadata).hasSize(records.size());
        return metadata;
    }
}
