package io.odradek.test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.odradek.api.ConsumerGroupMetadata;
import io.odradek.api.OffsetAndMetadata;
import io.odradek.api.ProducerFencedException;
import io.odradek.api.TopicPartition;

/**
 * {@link MockProducer}'s transactions, as Kafka's {@code MockProducer} keeps them: records sent in a transaction
 * reach the history only when it commits, offsets sent to it are kept per commit, and each transactional call can
 * be made to throw once. Guarded by the owning MockProducer's monitor.
 */
final class MockTransactions<R> {
    private final List<R> uncommittedSends = new ArrayList<>();
    private final Map<String, Map<TopicPartition, OffsetAndMetadata>> uncommittedOffsets = new LinkedHashMap<>();
    private final List<Map<String, Map<TopicPartition, OffsetAndMetadata>>> committedOffsets = new ArrayList<>();
    private final Map<String, RuntimeException> injected = new HashMap<>();
    private boolean initialized;
    private boolean inFlight;
    private boolean committed;
    private boolean aborted;
    private boolean fenced;
    private int commitCount;

    void initTransactions() {
        checkNotFenced();
        if (initialized) {
            throw new IllegalStateException("MockProducer was initialised for transactions already");
        }
        throwInjected("initTransactions");
        initialized = true;
    }

    void beginTransaction() {
        checkInitialized("beginTransaction");
        if (inFlight) {
            throw new IllegalStateException("Cannot beginTransaction: a transaction is open already");
        }
        throwInjected("beginTransaction");
        inFlight = true;
        committed = false;
        aborted = false;
    }

    void sendOffsets(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        Objects.requireNonNull(group, "groupMetadata");
        checkInFlight("sendOffsetsToTransaction");
        throwInjected("sendOffsetsToTransaction");
        if (!offsets.isEmpty()) {
            uncommittedOffsets.computeIfAbsent(group.groupId(), g -> new LinkedHashMap<>()).putAll(offsets);
        }
    }

    /** Ends the open transaction; returns the records it sent, which the history now holds. */
    List<R> commit() {
        checkInFlight("commitTransaction");
        throwInjected("commitTransaction");
        List<R> sends = List.copyOf(uncommittedSends);
        if (!uncommittedOffsets.isEmpty()) {
            committedOffsets.add(Map.copyOf(uncommittedOffsets));
        }
        end();
        committed = true;
        commitCount++;
        return sends;
    }

    void abort() {
        checkInFlight("abortTransaction");
        throwInjected("abortTransaction");
        end();
        aborted = true;
    }

    private void end() {
        uncommittedSends.clear();
        uncommittedOffsets.clear();
        inFlight = false;
    }

    /** Whether a record sent now belongs to a transaction (kept until it commits) rather than the history. */
    boolean holds(R record) {
        if (!inFlight) {
            return false;
        }
        uncommittedSends.add(record);
        return true;
    }

    void fence() {
        checkInitialized("fenceProducer");
        fenced = true;
    }

    void throwNext(String method, RuntimeException error) {
        injected.put(method, Objects.requireNonNull(error, "error"));
    }

    void checkNotFenced() {
        if (fenced) {
            throw new ProducerFencedException("MockProducer was fenced (fenceProducer)");
        }
    }

    private void checkInitialized(String method) {
        checkNotFenced();
        if (!initialized) {
            throw new IllegalStateException("Cannot " + method + ": MockProducer was not initialised for transactions"
                    + " (call initTransactions() first)");
        }
    }

    private void checkInFlight(String method) {
        checkInitialized(method);
        if (!inFlight) {
            throw new IllegalStateException("Cannot " + method + ": no transaction is open (call beginTransaction()"
                    + " first)");
        }
    }

    private void throwInjected(String method) {
        RuntimeException error = injected.remove(method);
        if (error != null) {
            throw error;
        }
    }

    boolean initialized() {
        return initialized;
    }

    boolean inFlight() {
        return inFlight;
    }

    boolean committed() {
        return committed;
    }

    boolean aborted() {
        return aborted;
    }

    boolean fenced() {
        return fenced;
    }

    int commitCount() {
        return commitCount;
    }

    List<R> uncommittedSends() {
        return List.copyOf(uncommittedSends);
    }

    List<Map<String, Map<TopicPartition, OffsetAndMetadata>>> committedOffsets() {
        return List.copyOf(committedOffsets);
    }
}
