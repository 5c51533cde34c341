package io.odradek.domain.sender;

import io.odradek.api.FatalProducerException;
import io.odradek.api.OdradekException;
import io.odradek.api.Persistence;
import io.odradek.api.ProducerClosedException;

/** Errors shared by many batches (close, a fatal error), told to each batch with its own persistence. */
final class Failures {
    private Failures() {
    }

    /** {@code error} itself if it already says {@code persistence}, else an error of its kind that does. */
    static RuntimeException withPersistence(RuntimeException error, Persistence persistence) {
        if (error instanceof OdradekException odradek && odradek.persistence() == persistence) {
            return error;
        }
        String message = error.getMessage() + (persistence == Persistence.POSSIBLY_PERSISTED
                ? " (the records were sent and their answer had not come: they may be in the log)" : "");
        if (error instanceof ProducerClosedException) {
            return new ProducerClosedException(message, error, persistence);
        }
        if (error instanceof FatalProducerException) {
            return new FatalProducerException(message, error, persistence);
        }
        return new OdradekException(message, error, persistence);
    }
}
