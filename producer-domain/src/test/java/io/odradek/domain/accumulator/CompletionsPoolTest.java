package io.odradek.domain.accumulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CompletionsPoolTest {
    @Test
    void theFirstTakesFindPooledInstancesThenNewOnesOfTheExpectedSize() {
        CompletionsPool pool = new CompletionsPool(100);
        List<RecordCompletions> taken = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            taken.add(pool.take(500));
        }

        assertThat(taken.subList(0, 8)).allSatisfy(c -> assertThat(c.capacity()).isEqualTo(4));
        assertThat(taken.get(8).capacity()).isEqualTo(500);
        assertThat(taken).doesNotHaveDuplicates();
    }

    @Test
    void aPoolKeepsNoMoreThanItsCap() {
        CompletionsPool pool = new CompletionsPool(2);
        RecordCompletions first = pool.take(10);
        RecordCompletions second = pool.take(10);
        RecordCompletions third = pool.take(10);
        pool.give(first);
        pool.give(second);
        pool.give(third);

        List<RecordCompletions> again = List.of(pool.take(10), pool.take(10), pool.take(10));
        assertThat(again).containsOnlyOnce(first, second).doesNotContain(third);
    }
}
