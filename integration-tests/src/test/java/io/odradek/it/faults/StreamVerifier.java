package io.odradek.it.faults;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Holds a stream's outcomes against the log: lost, duplicated, reordered, misplaced and failed-but-present
 * records. Order is judged per partition, in offset order, over the first copy of each record: the stream
 * sends from one thread, so whatever it sent to one partition (a key's records, or an unkeyed sticky batch)
 * must appear there in the order it was sent. Across partitions there is no order to keep.
 */
final class StreamVerifier {

    private StreamVerifier() {
    }

    /**
     * {@code log} must hold every record of the topic, in offset order within each partition;
     * {@code deliveryTimeout} is the producer's delivery.timeout.ms.
     */
    static StreamReport verify(String scenario, Contestant contestant, NumberedStream stream, int noOutcome,
                               Duration deliveryTimeout, List<ConsumerRecord<byte[], byte[]>> log) {
        StreamOutcomes outcomes = stream.outcomes();
        int sent = outcomes.sent();
        int[] copies = new int[sent];
        boolean[] foundWhereAcknowledged = new boolean[sent];
        Map<Integer, Long> highestSequenceByPartition = new HashMap<>();
        Set<Integer> partitionsWritten = new TreeSet<>();
        int duplicated = 0;
        int reordered = 0;
        int strangers = 0;
        for (ConsumerRecord<byte[], byte[]> record : log) {
            partitionsWritten.add(record.partition());
            long sequence = NumberedStream.sequenceOf(record.value());
            if (sequence < 0 || sequence >= sent) {
                strangers++;
                continue;
            }
            int seq = (int) sequence;
            if (outcomes.isAcknowledged(seq) && outcomes.partition(seq) == record.partition()
                    && outcomes.offset(seq) == record.offset()) {
                foundWhereAcknowledged[seq] = true;
            }
            if (++copies[seq] > 1) {
                duplicated++;
                continue;
            }
            long highest = highestSequenceByPartition.getOrDefault(record.partition(), -1L);
            if (seq < highest) {
                reordered++;
            }
            highestSequenceByPartition.put(record.partition(), Math.max(highest, seq));
        }

        int acknowledged = 0;
        int acknowledgedLate = 0;
        int acknowledgedLateAfterSend = 0;
        int failed = 0;
        int lost = 0;
        int misplaced = 0;
        int failedButPresent = 0;
        int notPersistedButPresent = 0;
        Map<ErrorKind, Integer> failures = new HashMap<>();
        for (int seq = 0; seq < sent; seq++) {
            if (outcomes.isAcknowledged(seq)) {
                acknowledged++;
                if (outcomes.latencyFromDueNanos(seq) > deliveryTimeout.toNanos()) {
                    acknowledgedLate++;
                }
                if (outcomes.latencyFromSendNanos(seq) > deliveryTimeout.toNanos()) {
                    acknowledgedLateAfterSend++;
                }
                if (copies[seq] == 0) {
                    lost++;
                } else if (!foundWhereAcknowledged[seq]) {
                    misplaced++;
                }
            } else if (outcomes.isFailed(seq)) {
                failed++;
                failures.merge(outcomes.failure(seq), 1, Integer::sum);
                if (copies[seq] > 0) {
                    failedButPresent++;
                    if (outcomes.failedAsNotPersisted(seq)) {
                        notPersistedButPresent++;
                    }
                }
            }
        }
        return new StreamReport(scenario, stream.workload().describe(), contestant,
                new StreamReport.Delivery(sent, acknowledged, failed, noOutcome, outcomes.completedTwice(),
                        acknowledgedLateAfterSend, acknowledgedLate, Duration.ofNanos(outcomes.longestSendNanos()).toMillis(),
                        stream.dueButUnsent(deliveryTimeout),
                        Map.copyOf(failures), outcomes.exampleMessages()),
                new StreamReport.LogCheck(log.size(), lost, duplicated, reordered, misplaced, failedButPresent,
                        notPersistedButPresent, strangers, Set.copyOf(partitionsWritten)),
                outcomes);
    }
}
