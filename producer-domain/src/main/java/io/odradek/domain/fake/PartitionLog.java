package io.odradek.domain.fake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.odradek.domain.TopicPartition;
import io.odradek.domain.protocol.KafkaError;

/**
 * One partition on the fake cluster: its leader, its log, and the broker's idempotence state, which keeps
 * per producer id the epoch and the last five batches' sequence ranges (as a Kafka broker does) to answer
 * a retried batch with its original offset instead of writing it twice.
 */
public final class PartitionLog {
    private static final int CACHED_BATCHES = 5;

    private final TopicPartition topicPartition;
    private final List<StoredRecord> records = new ArrayList<>();
    private final Map<Long, ProducerState> producers = new HashMap<>();
    /** Offsets of each producer's records in its open transaction, until its commit or abort marker. */
    private final Map<Long, List<Long>> openTransactions = new HashMap<>();
    private final java.util.Set<Long> aborted = new java.util.HashSet<>();
    private int leader;
    private int leaderEpoch;
    private int duplicatesAnswered;

    PartitionLog(TopicPartition topicPartition, int leader) {
        this.topicPartition = topicPartition;
        this.leader = leader;
    }

    /** A record as stored. */
    public record StoredRecord(long offset, FakeRecordBatchFormat.Record record, long producerId, short epoch,
                               int sequence) {
        public String key() {
            return record.keyString();
        }

        public String value() {
            return record.valueString();
        }
    }

    /** What appending a batch came to: an error, or the base offset (of the earlier copy for a duplicate). */
    record AppendResult(short errorCode, long baseOffset) {
    }

    private record CachedBatch(int firstSequence, int lastSequence, long baseOffset) {
    }

    private static final class ProducerState {
        short epoch;
        final ArrayDeque<CachedBatch> lastBatches = new ArrayDeque<>();

        int lastSequence() {
            return lastBatches.isEmpty() ? -1 : lastBatches.peekLast().lastSequence();
        }
    }

    public TopicPartition topicPartition() {
        return topicPartition;
    }

    public int leader() {
        return leader;
    }

    public int leaderEpoch() {
        return leaderEpoch;
    }

    void moveLeader(int newLeader) {
        leader = newLeader;
        leaderEpoch++;
    }

    public List<StoredRecord> records() {
        return List.copyOf(records);
    }

    /**
     * What a {@code read_committed} consumer reads: records of aborted transactions left out, and nothing from the
     * first record of a still open transaction on (the last stable offset).
     */
    public List<StoredRecord> committedRecords() {
        long lastStable = records.size();
        for (List<Long> open : openTransactions.values()) {
            if (!open.isEmpty()) {
                lastStable = Math.min(lastStable, open.get(0));
            }
        }
        List<StoredRecord> committed = new ArrayList<>();
        for (StoredRecord stored : records) {
            if (stored.offset() >= lastStable) {
                break;
            }
            if (!aborted.contains(stored.offset())) {
                committed.add(stored);
            }
        }
        return committed;
    }

    /** Whether the producer has records in an open transaction here. */
    public boolean hasOpenTransaction(long producerId) {
        List<Long> open = openTransactions.get(producerId);
        return open != null && !open.isEmpty();
    }

    /**
     * A transaction marker: the producer's open records here are committed or aborted, and from now on its batches
     * need {@code epoch} or higher (the coordinator writes markers with the epoch it has moved to).
     */
    void endTransaction(long producerId, short epoch, boolean commit) {
        List<Long> open = openTransactions.remove(producerId);
        if (open != null && !commit) {
            aborted.addAll(open);
        }
        ProducerState state = producers.get(producerId);
        if (state != null && epoch > state.epoch) {
            state.epoch = epoch;
            state.lastBatches.clear();
        }
    }

    /** How many retried batches the log recognised as already written. */
    public int duplicatesAnswered() {
        return duplicatesAnswered;
    }

    /** Loses the idempotence state, as a broker does when the producer's records left the log. */
    void forgetProducers() {
        producers.clear();
    }

    AppendResult append(FakeRecordBatchFormat.Batch batch) {
        if (batch.producerId() < 0) {
            return new AppendResult(KafkaError.NONE, write(batch));
        }
        ProducerState state = producers.get(batch.producerId());
        if (state == null) {
            if (batch.baseSequence() != 0) {
                return error(KafkaError.UNKNOWN_PRODUCER_ID);
            }
            state = new ProducerState();
            state.epoch = batch.epoch();
            producers.put(batch.producerId(), state);
        } else if (batch.epoch() < state.epoch) {
            return error(KafkaError.INVALID_PRODUCER_EPOCH);
        } else if (batch.epoch() > state.epoch) {
            if (batch.baseSequence() != 0) {
                return error(KafkaError.OUT_OF_ORDER_SEQUENCE_NUMBER);
            }
            state.epoch = batch.epoch();
            state.lastBatches.clear();
        } else {
            for (CachedBatch cached : state.lastBatches) {
                if (cached.firstSequence() == batch.baseSequence() && cached.lastSequence() == batch.lastSequence()) {
                    duplicatesAnswered++;
                    return new AppendResult(KafkaError.NONE, cached.baseOffset());
                }
            }
            if (batch.baseSequence() != state.lastSequence() + 1) {
                return error(KafkaError.OUT_OF_ORDER_SEQUENCE_NUMBER);
            }
        }
        long baseOffset = write(batch);
        state.lastBatches.addLast(new CachedBatch(batch.baseSequence(), batch.lastSequence(), baseOffset));
        if (state.lastBatches.size() > CACHED_BATCHES) {
            state.lastBatches.pollFirst();
        }
        return new AppendResult(KafkaError.NONE, baseOffset);
    }

    private long write(FakeRecordBatchFormat.Batch batch) {
        long baseOffset = records.size();
        for (int i = 0; i < batch.records().size(); i++) {
            records.add(new StoredRecord(baseOffset + i, batch.records().get(i), batch.producerId(), batch.epoch(),
                    batch.baseSequence() < 0 ? -1 : batch.baseSequence() + i));
            if (batch.transactional()) {
                openTransactions.computeIfAbsent(batch.producerId(), id -> new ArrayList<>()).add(baseOffset + i);
            }
        }
        return baseOffset;
    }

    private static AppendResult error(short code) {
        return new AppendResult(code, -1L);
    }
}
