package io.odradek.domain.log;

import org.slf4j.LoggerFactory;

/**
 * Who is logging: every line a producer logs starts with {@code [Producer clientId=orders]} (and
 * {@code , transactionalId=...} for a transactional one), as Kafka's producer's lines do, so the lines of several
 * producers in one application can be told apart and grepped.
 */
public final class LogContext {
    private final String prefix;

    private LogContext(String prefix) {
        this.prefix = prefix;
    }

    /** @param transactionalId null for a producer without transactions */
    public static LogContext forProducer(String clientId, String transactionalId) {
        return new LogContext("[Producer clientId=" + clientId
                + (transactionalId == null ? "" : ", transactionalId=" + transactionalId) + "] ");
    }

    public ProducerLog logger(Class<?> type) {
        return new ProducerLog(LoggerFactory.getLogger(type), prefix);
    }

    public String prefix() {
        return prefix;
    }
}
