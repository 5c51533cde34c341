package io.odradek.codec.api;

import java.util.ArrayList;
import java.util.List;

import io.odradek.codec.wire.ByteReader;
import io.odradek.codec.wire.ByteWriter;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.MetadataRequest;
import io.odradek.domain.protocol.MetadataResponse;
import io.odradek.domain.protocol.MetadataResponse.Broker;
import io.odradek.domain.protocol.MetadataResponse.PartitionMetadata;
import io.odradek.domain.protocol.MetadataResponse.TopicMetadata;
import io.odradek.domain.protocol.VersionRange;

/** Metadata v4..v12 (v9+ flexible; v10+ topic ids, which a producer that names topics ignores). */
final class MetadataCodec extends ApiCodec<MetadataRequest, MetadataResponse> {
    MetadataCodec() {
        // Metadata v13 adds a top-level error code; v12 already covers 3.9 and 4.x brokers.
        super(ApiKey.METADATA, VersionRange.of(4, 12), 9, MetadataRequest.class);
    }

    @Override
    void encodeBody(ByteWriter out, short version, MetadataRequest request) {
        boolean flexible = isFlexible(version);
        List<String> topics = request.topics();
        out.arrayLength(topics.size(), flexible);
        for (String topic : topics) {
            if (version >= 10) {
                out.zeroUuid(); // asking by name
            }
            out.string(topic, flexible);
            if (flexible) {
                out.noTaggedFields();
            }
        }
        out.bool(request.allowAutoTopicCreation());
        if (version >= 8) {
            if (version <= 10) {
                out.bool(false); // include cluster authorized operations
            }
            out.bool(false); // include topic authorized operations
        }
        if (flexible) {
            out.noTaggedFields();
        }
    }

    @Override
    MetadataResponse decode(ByteReader in, short version) {
        boolean flexible = isFlexible(version);
        int throttleTimeMs = in.int32();
        int brokerCount = in.arrayLength(flexible, 10);
        List<Broker> brokers = new ArrayList<>(Math.max(brokerCount, 0));
        for (int i = 0; i < brokerCount; i++) {
            int nodeId = in.int32();
            String host = in.requiredString(flexible);
            int port = in.int32();
            String rack = in.string(flexible);
            if (flexible) {
                in.skipTaggedFields();
            }
            brokers.add(new Broker(nodeId, host, port, rack));
        }
        String clusterId = in.string(flexible);
        int controllerId = in.int32();
        int topicCount = in.arrayLength(flexible, 8);
        List<TopicMetadata> topics = new ArrayList<>(Math.max(topicCount, 0));
        for (int i = 0; i < topicCount; i++) {
            topics.add(decodeTopic(in, version, flexible));
        }
        if (version >= 8 && version <= 10) {
            in.int32(); // cluster authorized operations
        }
        if (flexible) {
            in.skipTaggedFields();
        }
        return new MetadataResponse(List.copyOf(brokers), clusterId, controllerId, List.copyOf(topics),
                throttleTimeMs);
    }

    private static TopicMetadata decodeTopic(ByteReader in, short version, boolean flexible) {
        short errorCode = in.int16();
        String name = in.string(flexible);
        if (version >= 10) {
            in.skipUuid();
        }
        in.bool(); // is internal
        int partitionCount = in.arrayLength(flexible, 18);
        List<PartitionMetadata> partitions = new ArrayList<>(Math.max(partitionCount, 0));
        for (int i = 0; i < partitionCount; i++) {
            short partitionError = in.int16();
            int partition = in.int32();
            int leaderId = in.int32();
            int leaderEpoch = version >= 7 ? in.int32() : -1;
            in.skipInt32Array(flexible); // replicas
            in.skipInt32Array(flexible); // in-sync replicas
            if (version >= 5) {
                in.skipInt32Array(flexible); // offline replicas
            }
            if (flexible) {
                in.skipTaggedFields();
            }
            partitions.add(new PartitionMetadata(partitionError, partition, leaderId, leaderEpoch));
        }
        if (version >= 8) {
            in.int32(); // topic authorized operations
        }
        if (flexible) {
            in.skipTaggedFields();
        }
        return new TopicMetadata(errorCode, name, List.copyOf(partitions));
    }
}
