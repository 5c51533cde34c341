package io.odradek.tools.perf;

/**
 * When a perf run begins and commits its transactions, by the rule of Kafka's {@code ProducerPerformance}: a
 * transaction begins with the first record after the previous commit and is committed right after the first
 * send that finds it {@code transaction-duration-ms} old; the last one is committed when sending ends. Used by
 * one sending thread at a time.
 */
class TransactionPacer {
    private final PerfProducer producer;
    private final long durationMs;
    private boolean open;
    private long beganAtMs;
    private long committed;

    TransactionPacer(PerfProducer producer, long durationMs) {
        this.producer = producer;
        this.durationMs = durationMs;
    }

    /** A run without transactions. */
    static TransactionPacer none() {
        return new TransactionPacer(null, Long.MAX_VALUE) {
            @Override
            void beforeSend(long nowMs) {
            }

            @Override
            void afterSend(long nowMs) {
            }

            @Override
            void finish() {
            }
        };
    }

    void beforeSend(long nowMs) {
        if (!open) {
            producer.beginTransaction();
            open = true;
            beganAtMs = nowMs;
        }
    }

    void afterSend(long nowMs) {
        if (nowMs - beganAtMs >= durationMs) {
            commit();
        }
    }

    /** Commits the transaction still open, if any. */
    void finish() {
        if (open) {
            commit();
        }
    }

    long committed() {
        return committed;
    }

    private void commit() {
        producer.commitTransaction();
        open = false;
        committed++;
    }
}
