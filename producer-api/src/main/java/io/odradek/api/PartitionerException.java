package io.odradek.api;

/** The application's {@link Partitioner} threw while choosing a partition; the record was not sent. */
public class PartitionerException extends OdradekException {
    public PartitionerException(String message, Throwable cause) {
        super(message, cause);
    }
}
