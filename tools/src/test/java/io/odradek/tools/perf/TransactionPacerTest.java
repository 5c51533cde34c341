package io.odradek.tools.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Kafka's tool's pacing: begin with the first record, commit after the first send that finds it old enough. */
class TransactionPacerTest {
    private final List<String> calls = new ArrayList<>();
    private final PerfProducer producer = new PerfProducer() {
        @Override
        public void send(String topic, byte[] key, byte[] value, Acknowledgement acknowledgement) {
            calls.add("send");
        }

        @Override
        public void awaitTopic(String topic) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void initTransactions() {
            calls.add("init");
        }

        @Override
        public void beginTransaction() {
            calls.add("begin");
        }

        @Override
        public void commitTransaction() {
            calls.add("commit");
        }

        @Override
        public void close() {
        }
    };

    private void sendAt(TransactionPacer pacer, long nowMs) {
        pacer.beforeSend(nowMs);
        producer.send("t", null, new byte[0], null);
        pacer.afterSend(nowMs);
    }

    @Test
    void commitsAfterTheFirstSendThatFindsTheTransactionOldEnoughAndTheRestAtTheEnd() {
        TransactionPacer pacer = new TransactionPacer(producer, 100);

        sendAt(pacer, 1_000);
        sendAt(pacer, 1_099);
        sendAt(pacer, 1_100);
        sendAt(pacer, 1_150);
        pacer.finish();
        pacer.finish();

        assertThat(calls).containsExactly("begin", "send", "send", "send", "commit", "begin", "send", "commit");
        assertThat(pacer.committed()).isEqualTo(2);
    }

    @Test
    void withoutTransactionsNothingIsCalled() {
        TransactionPacer pacer = TransactionPacer.none();

        sendAt(pacer, 0);
        sendAt(pacer, Long.MAX_VALUE / 2);
        pacer.finish();

        assertThat(calls).containsExactly("send", "send");
        assertThat(pacer.committed()).isZero();
    }
}
