package io.odradek.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class KeySuggesterTest {

    @Test
    void countsInsertionsDeletionsAndSubstitutions() {
        assertThat(KeySuggester.distance("linger.ms", "linger.ms")).isZero();
        assertThat(KeySuggester.distance("linger.msec", "linger.ms")).isEqualTo(2);
        assertThat(KeySuggester.distance("acks", "ack")).isEqualTo(1);
        assertThat(KeySuggester.distance("acks", "acts")).isEqualTo(1);
        assertThat(KeySuggester.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void suggestsTheNearestCandidateWithinTheEditBudget() {
        assertThat(KeySuggester.closest("batch.sizes", List.of("batch.size", "buffer.memory"))).contains("batch.size");
        assertThat(KeySuggester.closest("retrys", List.of("retries", "acks"))).contains("retries");
    }

    @Test
    void suggestsNothingWhenEveryCandidateIsFar() {
        assertThat(KeySuggester.closest("foo", List.of("acks", "retries"))).isEmpty();
        assertThat(KeySuggester.closest("completely.different", List.of("linger.ms"))).isEmpty();
    }

    @Test
    void knowsEveryKeyOfTheTableAndTheIgnoredOnes() {
        assertThat(ProducerKeys.knownNames()).contains("linger.ms", "key.serializer", "transport", "security.protocol");
    }
}
