package io.odradek.api;

/**
 * Another producer with the same {@code transactional.id} started (or the broker aborted this producer's
 * transaction and moved on): this one may never write again. Close it; a new producer with the same id takes over
 * where the newest left off. Nothing of this producer's open transaction becomes visible.
 */
public class ProducerFencedException extends FatalProducerException {
    public ProducerFencedException(String message) {
        super(message);
    }
}
