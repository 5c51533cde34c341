package io.odradek.tools.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.odradek.tools.UsageException;

class PerfOptionsTest {

    private static PerfOptions parse(String line) throws UsageException {
        return PerfOptions.parse(line.split(" "));
    }

    @Test
    void readsKafkasPerfTestFlags() throws UsageException {
        PerfOptions options = parse("--topic orders --num-records 1000 --record-size 100 --throughput -1 "
                + "--producer-props bootstrap.servers=localhost:9092 acks=all --producer.config p.properties "
                + "--print-metrics");

        assertThat(options.topic()).isEqualTo("orders");
        assertThat(options.numRecords()).isEqualTo(1000);
        assertThat(options.recordSizeBytes()).isEqualTo(100);
        assertThat(options.throughput()).isEqualTo(-1.0);
        assertThat(options.producerProps()).containsExactly("bootstrap.servers=localhost:9092", "acks=all");
        assertThat(options.producerConfig()).isEqualTo(Path.of("p.properties"));
        assertThat(options.printMetrics()).isTrue();
        assertThat(options.threads()).isEqualTo(1);
        assertThat(options.partitions()).isEqualTo(PerfOptions.DEFAULT_PARTITIONS);
    }

    @Test
    void readsOurFlagsAndTheEqualsSpelling() throws UsageException {
        PerfOptions options = parse("--topic=t --num-records=10 --payload-monotonic --throughput=500.5 "
                + "--threads 4 --partitions 12");

        assertThat(options.payloadMonotonic()).isTrue();
        assertThat(options.recordSizeBytes()).isNull();
        assertThat(options.throughput()).isEqualTo(500.5);
        assertThat(options.threads()).isEqualTo(4);
        assertThat(options.partitions()).isEqualTo(12);
        assertThat(options.producerProps()).isEmpty();
    }

    @Test
    void missingTopicIsAUsageErrorNamingTheFlag() {
        assertThatThrownBy(() -> parse("--num-records 10 --record-size 10 --throughput -1"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--topic");
    }

    @Test
    void missingThroughputIsAUsageErrorNamingTheFlag() {
        assertThatThrownBy(() -> parse("--topic t --num-records 10 --record-size 10"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--throughput");
    }

    @Test
    void exactlyOnePayloadSourceIsRequired() {
        assertThatThrownBy(() -> parse("--topic t --num-records 10 --throughput -1"))
                .hasMessageContaining("--record-size");
        assertThatThrownBy(() -> parse("--topic t --num-records 10 --throughput -1 --record-size 1 --payload-monotonic"))
                .hasMessageContaining("exactly one");
    }

    @Test
    void rejectsNonPositiveCountsWithKafkasWords() {
        assertThatThrownBy(() -> parse("--topic t --num-records 0 --record-size 10 --throughput -1"))
                .hasMessage("--num-records should be greater than zero");
        assertThatThrownBy(() -> parse("--topic t --num-records 1 --record-size 0 --throughput -1"))
                .hasMessage("--record-size should be greater than zero");
        assertThatThrownBy(() -> parse("--topic t --num-records 1 --record-size 1 --throughput -1 --threads 0"))
                .hasMessageContaining("--threads");
    }

    @Test
    void rejectsUnknownFlagsAndBadNumbers() {
        assertThatThrownBy(() -> parse("--topic t --num-records 1 --record-size 1 --throughput -1 --colour red"))
                .hasMessageContaining("--colour");
        assertThatThrownBy(() -> parse("--topic t --num-records many --record-size 1 --throughput -1"))
                .hasMessageContaining("--num-records").hasMessageContaining("many");
    }

    @Test
    void producerPropsNeedsAtLeastOneValue() {
        assertThatThrownBy(() -> parse("--topic t --num-records 1 --record-size 1 --throughput -1 --producer-props"))
                .hasMessageContaining("--producer-props");
    }

    @Test
    void compatAndKafkaProducerExcludeEachOther() {
        assertThatThrownBy(() -> parse("--topic t --num-records 1 --record-size 1 --throughput -1 --compat "
                + "--kafka-producer")).hasMessageContaining("--compat and --kafka-producer");
    }

    @Test
    void transactionFlagsAreParsedAndANonPositiveDurationIsRefused() throws UsageException {
        PerfOptions options = parse("--topic t --num-records 1 --record-size 1 --throughput -1 --transactional-id x "
                + "--transaction-duration-ms 100");

        assertThat(options.transactionalId()).isEqualTo("x");
        assertThat(options.transactionDurationMs()).isEqualTo(100L);
        assertThatThrownBy(() -> parse("--topic t --num-records 1 --record-size 1 --throughput -1 "
                + "--transaction-duration-ms 0")).hasMessageContaining("--transaction-duration-ms");
    }

    @Test
    void producerPropsStopAtTheNextFlag() throws UsageException {
        PerfOptions options = parse("--producer-props a=1 b=2 --topic t --num-records 1 --record-size 1 --throughput -1");

        assertThat(options.producerProps()).isEqualTo(List.of("a=1", "b=2"));
        assertThat(options.topic()).isEqualTo("t");
    }
}
