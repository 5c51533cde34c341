package io.odradek.domain.idempotence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.odradek.api.FatalProducerException;
import io.odradek.domain.TopicPartition;
import io.odradek.domain.accumulator.PartitionQueue;
import io.odradek.domain.accumulator.ProducerBatch;
import io.odradek.domain.log.LogContext;
import io.odradek.domain.log.ProducerLog;
import io.odradek.domain.port.RecordBatchFormat;
import io.odradek.domain.protocol.InitProducerIdRequest;
import io.odradek.domain.protocol.InitProducerIdResponse;
import io.odradek.domain.protocol.KafkaError;

/**
 * An idempotent producer (KIP-98): a producer id from InitProducerId and a sequence per partition, so the broker
 * drops the duplicates retries would write and refuses gaps.
 *
 * <p>The rules, as Kafka's producer keeps them (KIP-360):
 * <ul>
 *   <li>A batch keeps the id, epoch and sequence of its first attempt through every retry, so the broker can tell a
 *       resend of a written batch whose answer was lost from a new one. A batch is never failed because the epoch
 *       changed.</li>
 *   <li>When a partition's sequences cannot go on (the broker lost the producer's state there, or a batch the broker
 *       never got failed and left a gap), the producer's epoch is bumped locally, which the broker accepts from an
 *       idempotent producer starting at sequence 0, and only that partition's unfinished batches move to it.</li>
 *   <li>Other partitions keep their epoch until their unfinished batches are done, then start again under the new
 *       one: no partition waits for another.</li>
 *   <li>When a batch that may have been written fails for good, its partition gives out no new sequence until its
 *       other batches are done: if a later one was acknowledged, the failed one is in the log and nothing changes;
 *       if not, the partition starts over under a new epoch.</li>
 * </ul>
 */
public final class Idempotence implements ProducerIdentity {
    private final ProducerLog log;

    private final int transactionTimeoutMs;
    private final long retryBackoffNs;
    private final SequenceBook sequences = new SequenceBook();
    /**
     * Partitions whose unfinished batches move to a new epoch once none of them is on the wire, each with whether
     * the broker lost the producer's state there (then a batch whose earlier answer was lost cannot be resent
     * safely: the broker could not recognise it as a duplicate).
     */
    private final Map<TopicPartition, Boolean> toResequence = new HashMap<>();

    private IdAndEpoch current = IdAndEpoch.NONE;
    private boolean initInFlight;
    private long nextInitAttemptNs;

    public Idempotence(int transactionTimeoutMs, long retryBackoffNs, LogContext logContext) {
        this.log = logContext.logger(Idempotence.class);
        this.transactionTimeoutMs = transactionTimeoutMs;
        this.retryBackoffNs = retryBackoffNs;
    }

    @Override
    public boolean readyToProduce() {
        return current.isKnown();
    }

    @Override
    public InitProducerIdRequest initRequest(long nowNs) {
        if (current.isKnown() || initInFlight || nowNs < nextInitAttemptNs) {
            return null;
        }
        initInFlight = true;
        return new InitProducerIdRequest(null, transactionTimeoutMs, -1L, (short) -1);
    }

    @Override
    public void onInitResponse(InitProducerIdResponse response, long nowNs) {
        initInFlight = false;
        short error = response.errorCode();
        if (error == KafkaError.NONE) {
            current = new IdAndEpoch(response.producerId(), response.producerEpoch());
            log.debug("Producer id {}", current);
            return;
        }
        if (KafkaError.isRetriable(error)) {
            onInitFailed(nowNs);
            return;
        }
        throw new FatalProducerException("InitProducerId failed with " + KafkaError.forCode(error)
                + ": the producer cannot get a producer id for idempotence");
    }

    @Override
    public void onInitFailed(long nowNs) {
        initInFlight = false;
        nextInitAttemptNs = nowNs + retryBackoffNs;
    }

    @Override
    public long nextInitAttemptNs() {
        return current.isKnown() || initInFlight ? Long.MAX_VALUE : nextInitAttemptNs;
    }

    @Override
    public List<ProducerBatch> maybeBumpEpoch() {
        if (toResequence.isEmpty() || !current.isKnown() || !anyQuiet()) {
            return List.of();
        }
        if (current.isLastEpoch()) {
            // The epoch cannot grow further: a new producer id is a fresh start for every partition.
            current = IdAndEpoch.NONE;
            return List.of();
        }
        current = current.bumped();
        log.warn("Bumped the producer epoch to {}: the broker lost this producer's sequence state for {}, or an"
                + " answer was lost, so their sequences cannot go on under the old epoch", current,
                toResequence.keySet());
        return resequenceWaiting();
    }

    private boolean anyQuiet() {
        for (TopicPartition tp : toResequence.keySet()) {
            if (!sequences.hasUnfinishedOnWire(tp)) {
                return true;
            }
        }
        return false;
    }

    /** Moves the quiet partitions waiting for it to the current epoch; returns the batches that cannot move. */
    private List<ProducerBatch> resequenceWaiting() {
        List<ProducerBatch> inDoubt = new ArrayList<>();
        for (Iterator<Map.Entry<TopicPartition, Boolean>> it = toResequence.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<TopicPartition, Boolean> waiting = it.next();
            if (sequences.hasUnfinishedOnWire(waiting.getKey())) {
                continue;
            }
            boolean stateLost = waiting.getValue();
            inDoubt.addAll(sequences.resequence(waiting.getKey(), current, stateLost));
            it.remove();
        }
        return inDoubt;
    }

    /**
     * @param stateLost the broker lost the producer's state for the partition, rather than refused a batch the
     *                  later ones would have needed first
     */
    private void requestResequence(TopicPartition tp, boolean stateLost) {
        toResequence.merge(tp, stateLost, Boolean::logicalOr);
    }

    @Override
    public boolean mayDrain(PartitionQueue queue) {
        if (!queue.orderAllowsDrain() || toResequence.containsKey(queue.topicPartition())) {
            return false;
        }
        ProducerBatch first = queue.peekFirst();
        if (first == null) {
            return false;
        }
        // A retry keeps its identity and sequence; the order rule above already holds it until it is next.
        return first.hasSequence() || sequences.mayAssign(queue.topicPartition(), current);
    }

    @Override
    public void stamp(ProducerBatch batch, RecordBatchFormat format) {
        sequences.stamp(batch, current, format, false);
    }

    @Override
    public void onAcknowledged(ProducerBatch batch) {
        if (sequences.acknowledged(batch)) {
            needNewEpoch(batch.topicPartition());
        }
    }

    @Override
    public BatchErrorAction onError(ProducerBatch batch, short errorCode) {
        switch (errorCode) {
            case KafkaError.DUPLICATE_SEQUENCE_NUMBER:
                return BatchErrorAction.TREAT_AS_SUCCESS;
            case KafkaError.OUT_OF_ORDER_SEQUENCE_NUMBER:
                switch (sequences.outOfOrder(batch)) {
                    case WRITTEN_ALREADY:
                        // Its answer was lost, and it is too old for the broker to recognise it as a duplicate.
                        return BatchErrorAction.TREAT_AS_SUCCESS;
                    case GAP:
                        // The broker lost what it had acknowledged: only a new epoch, from sequence 0, goes on.
                        requestResequence(batch.topicPartition(), true);
                        return BatchErrorAction.RETRY;
                    default:
                        return BatchErrorAction.RETRY;
                }
            case KafkaError.UNKNOWN_PRODUCER_ID:
            case KafkaError.INVALID_PRODUCER_EPOCH:
                // The broker has no (or another) state for this producer here. A batch moved to a new epoch already
                // hears this about its old attempt; otherwise the partition moves now.
                if (!batch.isResequenced()) {
                    requestResequence(batch.topicPartition(), true);
                }
                return BatchErrorAction.RETRY;
            default:
                return KafkaError.isRetriable(errorCode) ? BatchErrorAction.RETRY : BatchErrorAction.FAIL;
        }
    }

    @Override
    public void onFailed(ProducerBatch batch, RuntimeException error) {
        if (sequences.failed(batch)) {
            needNewEpoch(batch.topicPartition());
        }
    }

    private void needNewEpoch(TopicPartition tp) {
        log.debug("{}: its sequences cannot go on under {}; its next batch starts a new epoch", tp, current);
        requestResequence(tp, false);
    }

    @Override
    public String toString() {
        return "Idempotence(" + current + ", partitions " + sequences + ", toResequence " + toResequence + ")";
    }

    public long producerId() {
        return current.producerId();
    }

    public short epoch() {
        return current.epoch();
    }
}
