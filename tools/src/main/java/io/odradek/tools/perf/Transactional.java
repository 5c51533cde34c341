package io.odradek.tools.perf;

import java.util.Properties;
import java.util.UUID;

import io.odradek.tools.UsageException;

/**
 * Whether a perf run sends in transactions, by the rules of Kafka's {@code ProducerPerformance}: it does when a
 * transactional id comes from {@code --transactional-id} (which wins), the producer properties, or when only
 * {@code --transaction-duration-ms} is given (the id is then {@code performance-producer-<uuid>}).
 */
final class Transactional {
    static final long DEFAULT_DURATION_MS = 3000;
    static final String DEFAULT_ID_PREFIX = "performance-producer-";
    private static final String KEY = "transactional.id";

    private Transactional() {
    }

    /**
     * Puts the run's transactional id into {@code properties} and returns how long each transaction lasts, or
     * {@code -1} for a run without transactions.
     */
    static long resolve(PerfOptions options, Properties properties) throws UsageException {
        if (options.transactionalId() != null) {
            properties.setProperty(KEY, options.transactionalId());
        } else if (options.transactionDurationMs() != null && properties.getProperty(KEY, "").isBlank()) {
            properties.setProperty(KEY, DEFAULT_ID_PREFIX + UUID.randomUUID());
        }
        if (properties.getProperty(KEY, "").isBlank()) {
            return -1;
        }
        if (options.threads() > 1) {
            // A transaction belongs to the producer, not to a thread: one thread's commit would take the other
            // threads' records with it mid-stream, which measures nothing an application does.
            throw new UsageException("--threads " + options.threads() + " cannot be combined with transactions"
                    + " (transactional.id " + properties.getProperty(KEY) + "); use --threads 1");
        }
        return options.transactionDurationMs() != null ? options.transactionDurationMs() : DEFAULT_DURATION_MS;
    }
}
