package io.odradek.codec.records;

/**
 * The RecordBatch v2 header (magic 2): named offsets from the start of the batch, per Kafka's
 * "implementation" documentation. The CRC32C covers everything from {@link #ATTRIBUTES} to the end.
 */
public final class RecordBatchV2 {
    private RecordBatchV2() {
    }

    public static final int BASE_OFFSET = 0;                      // int64
    public static final int BATCH_LENGTH = 8;                     // int32: bytes after this field
    public static final int PARTITION_LEADER_EPOCH = 12;          // int32
    public static final int MAGIC = 16;                           // int8
    public static final int CRC = 17;                             // uint32
    public static final int ATTRIBUTES = 21;                      // int16
    public static final int LAST_OFFSET_DELTA = 23;               // int32
    public static final int BASE_TIMESTAMP = 27;                  // int64
    public static final int MAX_TIMESTAMP = 35;                   // int64
    public static final int PRODUCER_ID = 43;                     // int64
    public static final int PRODUCER_EPOCH = 51;                  // int16
    public static final int BASE_SEQUENCE = 53;                   // int32
    public static final int RECORDS_COUNT = 57;                   // int32
    public static final int HEADER_SIZE_BYTES = 61;

    /** Bytes of the header not counted by {@link #BATCH_LENGTH}: base offset and the length itself. */
    public static final int LOG_OVERHEAD_BYTES = 12;

    public static final byte MAGIC_VALUE = 2;

    public static final int COMPRESSION_MASK = 0x07;
    public static final int TIMESTAMP_TYPE_LOG_APPEND = 0x08;
    public static final int TRANSACTIONAL = 0x10;
    public static final int CONTROL = 0x20;

    public static final long NO_PRODUCER_ID = -1L;
    public static final short NO_PRODUCER_EPOCH = -1;
    public static final int NO_SEQUENCE = -1;
}
