package io.odradek.api;

/**
 * The base of every exception Odradek throws or completes a future with. When it fails a record,
 * {@link #persistence()} says whether that record may be in the log anyway.
 */
public class OdradekException extends RuntimeException {
    private final Persistence persistence;

    public OdradekException(String message) {
        this(message, null, Persistence.NOT_PERSISTED);
    }

    public OdradekException(String message, Throwable cause) {
        this(message, cause, Persistence.NOT_PERSISTED);
    }

    /**
     * @param persistence whether the records failed with this exception may be in the log; the message should say
     *                    so too, for the people reading logs
     */
    public OdradekException(String message, Throwable cause, Persistence persistence) {
        super(message, cause);
        this.persistence = persistence;
    }

    /**
     * Whether the record this exception failed may be in the log anyway ({@link Persistence#NOT_PERSISTED} for
     * errors that are not about a record sent to a broker, such as a bad configuration).
     */
    public Persistence persistence() {
        return persistence;
    }
}
