package io.odradek.it.faults;

import org.apache.kafka.common.errors.OutOfOrderSequenceException;

import io.odradek.api.OdradekException;
import io.odradek.api.Persistence;

/**
 * A kind of failure, for counting failed records by cause: the exception's class and the first line of its
 * message with the topic's name replaced by {@code <topic>} and every number by {@code #} (messages name
 * partitions, counts and milliseconds), so that kinds compare across producers and runs.
 *
 * @param className the exception's fully qualified class name
 * @param message   its message's first line, numbers masked
 * @param inDoubt   a failure that says the record may be in the log: Odradek's {@code POSSIBLY_PERSISTED}, or
 *                  Kafka's OutOfOrderSequenceException (an earlier batch's fate unknown when the broker lost the
 *                  producer's sequence)
 */
record ErrorKind(String className, String message, boolean inDoubt) {

    ErrorKind(String className, String message) {
        this(className, message, false);
    }

    private static final int MAX_MESSAGE = 160;

    static ErrorKind of(Throwable error, String topic) {
        String text = error.getMessage() == null ? "" : error.getMessage();
        int newline = text.indexOf('\n');
        String firstLine = (newline < 0 ? text : text.substring(0, newline)).replace(topic, "<topic>")
                .replaceAll("\\d+", "#");
        return new ErrorKind(error.getClass().getName(),
                firstLine.length() > MAX_MESSAGE ? firstLine.substring(0, MAX_MESSAGE) + "..." : firstLine,
                error instanceof OdradekException ? Persistence.of(error) == Persistence.POSSIBLY_PERSISTED
                        : error instanceof OutOfOrderSequenceException);
    }

    /** The exception's whole message and those of its causes, for the report's details. */
    static String fullMessage(Throwable error) {
        StringBuilder text = new StringBuilder(error.toString());
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" / caused by ").append(cause);
        }
        return text.toString();
    }

    String simpleClassName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** A timeout of either producer: Odradek's {@code io.odradek.api.TimeoutException} or Kafka's. */
    boolean isTimeout() {
        return simpleClassName().equals("TimeoutException");
    }

    @Override
    public String toString() {
        return simpleClassName() + (message.isEmpty() ? "" : ": " + message);
    }
}
