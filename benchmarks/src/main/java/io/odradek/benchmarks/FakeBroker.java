package io.odradek.benchmarks;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * Reads request frames as a broker would and answers them at once (see {@link FakeBrokerResponses}).
 * Produce requests are walked in place, batch bytes skipped, never copied: only each batch's record count
 * is read. Used by the one I/O thread of {@link DiscardingTransport}.
 */
final class FakeBroker {
    /** Record count = lastOffsetDelta + 1; lastOffsetDelta sits 23 bytes into a RecordBatch v2. */
    private static final int LAST_OFFSET_DELTA_OFFSET = 23;

    private final FakeBrokerResponses responses;
    private final FrameCursor cursor = new FrameCursor();
    private int[] partitionIndexes = new int[64];
    private int[] recordCounts = new int[64];

    FakeBroker(int partitions) {
        this.responses = new FakeBrokerResponses(partitions);
    }

    /** The response frame (no size prefix), or null when the request wants none (acks=0). */
    ByteBuffer answer(ByteBuffer[] request) {
        cursor.reset(request);
        cursor.readInt(); // size prefix
        short apiKey = cursor.readShort();
        short version = cursor.readShort();
        int correlationId = cursor.readInt();
        ApiKeys api = ApiKeys.forId(apiKey);
        return switch (api) {
            case API_VERSIONS -> responses.apiVersions(version, correlationId);
            case INIT_PRODUCER_ID -> responses.initProducerId(version, correlationId);
            case METADATA -> responses.metadata(version, correlationId, metadataTopics(request, version));
            case PRODUCE -> produce(version, correlationId);
            default -> throw new IllegalStateException("The discarding broker does not answer " + api);
        };
    }

    private ByteBuffer produce(short version, int correlationId) {
        boolean flexible = version >= 9;
        cursor.skipString(false); // client id: a plain nullable string even in flexible headers
        if (flexible) {
            cursor.skipTaggedFields();
        }
        cursor.skipString(flexible); // transactional id
        short acks = cursor.readShort();
        cursor.readInt(); // timeout
        int topicCount = arrayLength(flexible);
        List<String> topics = new ArrayList<>(topicCount);
        int[] partitionCounts = new int[topicCount];
        int next = 0;
        for (int t = 0; t < topicCount; t++) {
            topics.add(cursor.readString(flexible));
            int partitionCount = arrayLength(flexible);
            partitionCounts[t] = partitionCount;
            for (int i = 0; i < partitionCount; i++, next++) {
                ensureCapacity(next + 1);
                partitionIndexes[next] = cursor.readInt();
                int recordsBytes = flexible ? cursor.readUnsignedVarint() - 1 : cursor.readInt();
                recordCounts[next] = recordsBytes <= 0 ? 0 : cursor.peekInt(LAST_OFFSET_DELTA_OFFSET) + 1;
                cursor.skip(Math.max(0, recordsBytes));
                if (flexible) {
                    cursor.skipTaggedFields();
                }
            }
            if (flexible) {
                cursor.skipTaggedFields();
            }
        }
        if (acks == 0) {
            return null;
        }
        return responses.produce(version, correlationId, topics, partitionCounts, partitionIndexes, recordCounts);
    }

    long recordsAcknowledged() {
        return responses.recordsAcknowledged();
    }

    private int arrayLength(boolean flexible) {
        return flexible ? cursor.readUnsignedVarint() - 1 : cursor.readInt();
    }

    private void ensureCapacity(int size) {
        if (size > partitionIndexes.length) {
            partitionIndexes = Arrays.copyOf(partitionIndexes, size * 2);
            recordCounts = Arrays.copyOf(recordCounts, size * 2);
        }
    }

    /** Metadata requests are rare: copy the frame and let Kafka's own class parse it. */
    private static List<String> metadataTopics(ByteBuffer[] request, short version) {
        int size = 0;
        for (ByteBuffer buffer : request) {
            size += buffer.remaining();
        }
        ByteBuffer copy = ByteBuffer.allocate(size);
        for (ByteBuffer buffer : request) {
            copy.put(buffer.duplicate());
        }
        copy.flip().position(4);
        RequestHeader.parse(copy); // moves past the header
        MetadataRequestData data = new MetadataRequestData(new ByteBufferAccessor(copy), version);
        List<String> topics = new ArrayList<>();
        if (data.topics() != null) {
            data.topics().forEach(topic -> topics.add(topic.name()));
        }
        return topics;
    }
}
