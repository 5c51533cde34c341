package io.odradek.domain.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import io.odradek.api.Persistence;
import io.odradek.api.RecordFuture;
import io.odradek.api.RecordMetadata;
import io.odradek.domain.fake.FakeBroker;
import io.odradek.domain.fake.PartitionLog;

/**
 * Checks what a producer promised against what the fake cluster's logs hold, for records sent as
 * {@code value-<n>} in order: every acknowledged record is in the log once, where its metadata says; no record is
 * in the logs twice; a partition's log holds its records in send order; a record failed as
 * {@link Persistence#NOT_PERSISTED} is in no log. A record failed as possibly persisted may be in the log, once.
 */
public final class LogAudit {
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private int acknowledged;
    private int failedButPresent;

    private LogAudit() {
    }

    /** Audits the records sent as {@code futures.get(n)} with value {@code "value-" + n}. */
    public static LogAudit of(FakeBroker broker, String topic, List<RecordFuture> futures) {
        LogAudit audit = new LogAudit();
        audit.check(broker, topic, futures);
        return audit;
    }

    private void check(FakeBroker broker, String topic, List<RecordFuture> futures) {
        Map<Integer, int[]> where = new HashMap<>();
        List<PartitionLog> logs = broker.partitions(topic);
        for (PartitionLog log : logs) {
            int partition = log.topicPartition().partition();
            int previous = -1;
            for (PartitionLog.StoredRecord stored : log.records()) {
                int index = Integer.parseInt(stored.value().substring("value-".length()));
                int[] earlier = where.put(index, new int[] {partition, (int) stored.offset()});
                if (earlier != null) {
                    problems.add("value-" + index + " is stored twice: " + partition + "@" + stored.offset()
                            + " and " + earlier[0] + "@" + earlier[1]);
                }
                if (index < previous) {
                    problems.add("partition " + partition + " holds value-" + index + " after value-" + previous);
                }
                previous = Math.max(previous, index);
            }
        }
        for (int i = 0; i < futures.size(); i++) {
            RecordFuture future = futures.get(i);
            if (!future.isDone()) {
                problems.add("value-" + i + " never completed");
                continue;
            }
            int[] stored = where.get(i);
            try {
                RecordMetadata metadata = future.join();
                acknowledged++;
                if (stored == null) {
                    problems.add("value-" + i + " was acknowledged at " + metadata.partition() + "@"
                            + metadata.offset() + " but is in no log");
                } else if (metadata.hasOffset()
                        && (stored[0] != metadata.partition() || stored[1] != metadata.offset())) {
                    problems.add("value-" + i + " was acknowledged at " + metadata.partition() + "@"
                            + metadata.offset() + " but is stored at " + stored[0] + "@" + stored[1]);
                }
            } catch (CompletionException e) {
                Throwable error = e.getCause();
                Persistence persistence = Persistence.of(error);
                failures.merge(persistence + " " + error.getClass().getSimpleName(), 1, Integer::sum);
                if (stored != null && persistence == Persistence.NOT_PERSISTED) {
                    problems.add("value-" + i + " failed as not persisted but is stored at " + stored[0] + "@"
                            + stored[1] + ": " + error.getMessage());
                } else if (stored != null) {
                    failedButPresent++;
                }
            }
        }
    }

    /** What went wrong, one line each; empty when every promise held. */
    public List<String> problems() {
        return problems;
    }

    public int acknowledged() {
        return acknowledged;
    }

    /** Failed records by persistence and exception type, e.g. {@code "POSSIBLY_PERSISTED TimeoutException" -> 3}. */
    public Map<String, Integer> failures() {
        return failures;
    }

    public int failed() {
        return failures.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Records that failed as possibly persisted and are in fact in the log. */
    public int failedButPresent() {
        return failedButPresent;
    }

    @Override
    public String toString() {
        return "acknowledged " + acknowledged + ", failed " + failures + " (" + failedButPresent
                + " of them in the log), problems " + problems.subList(0, Math.min(10, problems.size()));
    }
}
