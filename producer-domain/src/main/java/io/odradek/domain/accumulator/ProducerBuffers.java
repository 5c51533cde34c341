package io.odradek.domain.accumulator;

/**
 * Where the producer keeps records until they are acknowledged: batches in the accumulator, records that
 * wait for metadata, and the memory pool both draw from.
 */
public record ProducerBuffers(RecordAccumulator accumulator, PendingRecords pending, BufferPool pool) {
}
