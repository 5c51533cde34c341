package io.odradek.tools.produce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.odradek.tools.FakeProducer;

/** The whole produce command against a fake producer. */
class ProduceCommandTest {
    private static final String ARGS = "--bootstrap-server 127.0.0.1:9092 --topic lines --property parse.key=true "
            + "--property key.separator=:";
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(FakeProducer producer, String args, String input) {
        ProduceCommand command = new ProduceCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), config -> producer);
        return command.execute(args.split(" "), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void eachLineIsOneRecordWithItsKey() {
        FakeProducer producer = FakeProducer.acknowledgingAll();

        int status = run(producer, ARGS, "k1:v1\nk2:välue 2\n");

        assertThat(status).isZero();
        assertThat(producer.sent()).extracting(record -> text(record.key()), record -> text(record.value()))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("k1", "v1"),
                        org.assertj.core.groups.Tuple.tuple("k2", "välue 2"));
        assertThat(producer.sent()).allSatisfy(record -> assertThat(record.topic()).isEqualTo("lines"));
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void lineWithoutSeparatorStopsReadingAndExitsWithOne() {
        FakeProducer producer = FakeProducer.acknowledgingAll();

        int status = run(producer, ARGS, "k1:v1\nnokey\nk3:v3\n");

        assertThat(status).isEqualTo(1);
        assertThat(producer.sent()).hasSize(1);
        assertThat(producer.closed()).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No key separator found on line number 2: 'nokey'");
    }

    @Test
    void unacknowledgedRecordIsPrintedWithItsLineAndExitsWithOne() {
        FakeProducer producer = new FakeProducer(record -> text(record.value()).equals("bad"));

        int status = run(producer, ARGS, "a:good\nb:bad\nc:good\n");

        assertThat(status).isEqualTo(1);
        assertThat(producer.sent()).hasSize(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("record of line 2 failed", "injected failure")
                .doesNotContain("line 1 failed", "line 3 failed");
    }

    @Test
    void emptyInputSendsNothingAndSucceeds() {
        FakeProducer producer = FakeProducer.acknowledgingAll();

        assertThat(run(producer, ARGS, "")).isZero();
        assertThat(producer.sent()).isEmpty();
    }
}
