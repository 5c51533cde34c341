package io.odradek.tools.produce;

/** A line of input cannot be made into a record; the message names the line as Kafka's console producer does. */
public final class LineFormatException extends Exception {
    public LineFormatException(String message) {
        super(message);
    }
}
