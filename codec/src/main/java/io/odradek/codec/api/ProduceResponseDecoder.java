package io.odradek.codec.api;

import java.util.ArrayList;
import java.util.List;

import io.odradek.codec.wire.ByteReader;
import io.odradek.domain.protocol.ProduceResponse;
import io.odradek.domain.protocol.ProduceResponse.LeaderHint;
import io.odradek.domain.protocol.ProduceResponse.PartitionResponse;
import io.odradek.domain.protocol.ProduceResponse.TopicResponse;

/**
 * Produce response v3..v12: v8+ record errors and error message, v10+ the tagged CurrentLeader hint
 * (KIP-951). One instance per response: it holds the hint read from the current partition's tags.
 */
final class ProduceResponseDecoder implements ByteReader.TagHandler {
    private static final int CURRENT_LEADER_TAG = 0;

    private final ByteReader in;
    private final short version;
    private final boolean flexible;
    private LeaderHint currentLeader;

    ProduceResponseDecoder(ByteReader in, short version) {
        this.in = in;
        this.version = version;
        this.flexible = version >= 9;
    }

    ProduceResponse decode() {
        int topicCount = in.arrayLength(flexible, 2);
        List<TopicResponse> topics = new ArrayList<>(Math.max(topicCount, 0));
        for (int t = 0; t < topicCount; t++) {
            String name = in.requiredString(flexible);
            int partitionCount = in.arrayLength(flexible, 22);
            List<PartitionResponse> partitions = new ArrayList<>(Math.max(partitionCount, 0));
            for (int i = 0; i < partitionCount; i++) {
                partitions.add(decodePartition());
            }
            if (flexible) {
                in.skipTaggedFields();
            }
            topics.add(new TopicResponse(name, List.copyOf(partitions)));
        }
        int throttleTimeMs = in.int32();
        if (flexible) {
            // Tag 0 is NodeEndpoints, the new leaders' addresses; the domain learns them from Metadata.
            in.skipTaggedFields();
        }
        return new ProduceResponse(List.copyOf(topics), throttleTimeMs);
    }

    private PartitionResponse decodePartition() {
        int partition = in.int32();
        short errorCode = in.int16();
        long baseOffset = in.int64();
        long logAppendTimeMs = in.int64();
        long logStartOffset = version >= 5 ? in.int64() : -1L;
        String errorMessage = null;
        if (version >= 8) {
            skipRecordErrors();
            errorMessage = in.string(flexible);
        }
        currentLeader = null;
        if (flexible) {
            in.readTaggedFields(this);
        }
        return new PartitionResponse(partition, errorCode, baseOffset, logAppendTimeMs, logStartOffset,
                errorMessage, currentLeader);
    }

    /** The per-record errors; the batch fails as a whole and its error message says why. */
    private void skipRecordErrors() {
        int count = in.arrayLength(flexible, 5);
        for (int i = 0; i < count; i++) {
            in.int32(); // batch index
            in.string(flexible);
            if (flexible) {
                in.skipTaggedFields();
            }
        }
    }

    @Override
    public void read(int tag, ByteReader reader) {
        if (tag == CURRENT_LEADER_TAG && version >= 10) {
            int leaderId = reader.int32();
            int leaderEpoch = reader.int32();
            reader.skipTaggedFields();
            currentLeader = new LeaderHint(leaderId, leaderEpoch);
        }
    }
}
