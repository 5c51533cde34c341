package io.odradek.domain.log;

import org.slf4j.Logger;

/**
 * An slf4j logger that puts its producer's {@link LogContext} prefix before each message. Arguments are formatted
 * by slf4j as usual ({@code {}} placeholders, a last Throwable argument printed with its stack); the prefix is
 * added only when the level is enabled.
 */
public final class ProducerLog {
    private final Logger logger;
    private final String prefix;

    ProducerLog(Logger logger, String prefix) {
        this.logger = logger;
        this.prefix = prefix;
    }

    public boolean isTraceEnabled() {
        return logger.isTraceEnabled();
    }

    public boolean isDebugEnabled() {
        return logger.isDebugEnabled();
    }

    public void trace(String format, Object... arguments) {
        if (logger.isTraceEnabled()) {
            logger.trace(prefix + format, arguments);
        }
    }

    public void debug(String format, Object... arguments) {
        if (logger.isDebugEnabled()) {
            logger.debug(prefix + format, arguments);
        }
    }

    public void info(String format, Object... arguments) {
        if (logger.isInfoEnabled()) {
            logger.info(prefix + format, arguments);
        }
    }

    public void warn(String format, Object... arguments) {
        if (logger.isWarnEnabled()) {
            logger.warn(prefix + format, arguments);
        }
    }

    public void error(String format, Object... arguments) {
        if (logger.isErrorEnabled()) {
            logger.error(prefix + format, arguments);
        }
    }
}
