package io.odradek.domain.accumulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.odradek.api.Headers;

class PendingRecordsTest {
    private final PendingRecords pending = new PendingRecords();

    private static PendingRecord record(String topic, String value) {
        return new PendingRecord(topic, null, null, null, value, value.getBytes(), new Headers(), 0L, null,
                new CompletableFuture<>(), 100, Long.MAX_VALUE);
    }

    @Test
    void aRecordBeingMovedIsStillInTheSnapshotUntilTheMoverHasTakenIt() {
        // flush waits for what the snapshot shows, then for the incomplete batches: a record that left the queue
        // before it reached a batch would be in neither.
        PendingRecord first = record("t", "a");
        PendingRecord second = record("t", "b");
        pending.add(first);
        pending.add(second);
        List<List<PendingRecord>> snapshotsDuringMoves = new ArrayList<>();

        pending.moveAll("t", moving -> snapshotsDuringMoves.add(pending.snapshot()));

        assertThat(snapshotsDuringMoves).containsExactly(List.of(first, second), List.of(second));
        assertThat(pending.snapshot()).isEmpty();
        assertThat(pending.isEmpty()).isTrue();
        assertThat(pending.mustWait("t")).isFalse();
    }

    @Test
    void movesRecordsInSendOrderAndKeepsLaterSendsWaitingUntilTheLastIsTaken() {
        pending.add(record("t", "a"));
        pending.add(record("t", "b"));
        List<String> moved = new ArrayList<>();
        List<Boolean> mustWaitDuringMoves = new ArrayList<>();

        pending.moveAll("t", moving -> {
            moved.add(new String(moving.valueBytes()));
            mustWaitDuringMoves.add(pending.mustWait("t"));
        });

        assertThat(moved).containsExactly("a", "b");
        assertThat(mustWaitDuringMoves).containsExactly(true, true);
    }
}
