package io.odradek.it.produce;

import java.util.List;

import io.odradek.api.RecordFuture;
import io.odradek.api.Header;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordMetadata;

/**
 * One record a test handed to Odradek, with what the broker must end up holding for it.
 *
 * @param sendIndex          position in the test's send order
 * @param earliestTimestampMs the record's timestamp if it had one, else the wall clock just before send
 * @param latestTimestampMs   the record's timestamp if it had one, else the wall clock just after send
 */
public record SentRecord(int sendIndex, ProducerRecord<byte[], byte[]> record, List<Header> headers,
                         long earliestTimestampMs, long latestTimestampMs,
                         RecordFuture future) {

    /** The partition the producer chose (or was told), as its acknowledgement reports it. */
    public int partition() {
        return future.join().partition();
    }

    public byte[] key() {
        return record.key();
    }

    public byte[] value() {
        return record.value();
    }
}
