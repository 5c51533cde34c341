package io.odradek.benchmarks;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;

/**
 * The answers of a broker that accepts everything, built with Kafka's own message classes so the frames are
 * what a real broker would send: one broker (id 1), every topic asked for has {@link #partitions} partitions
 * led by it, every produce succeeds with offsets counting up per partition.
 */
final class FakeBrokerResponses {
    static final int BROKER_ID = 1;
    private static final long PRODUCER_ID = 4242L;

    private final int partitions;
    private final Uuid topicId = Uuid.randomUuid();
    /** Next offset per partition of the (single) benchmark topic; the I/O thread alone touches it. */
    private final long[] nextOffsets;

    FakeBrokerResponses(int partitions) {
        this.partitions = partitions;
        this.nextOffsets = new long[partitions];
    }

    ByteBuffer apiVersions(short version, int correlationId) {
        ApiVersionsResponseData body = new ApiVersionsResponseData().setErrorCode((short) 0);
        for (ApiKeys key : new ApiKeys[] {ApiKeys.PRODUCE, ApiKeys.METADATA, ApiKeys.API_VERSIONS,
                ApiKeys.INIT_PRODUCER_ID}) {
            body.apiKeys().add(new ApiVersionsResponseData.ApiVersion().setApiKey(key.id)
                    .setMinVersion(key.oldestVersion()).setMaxVersion(key.latestVersion()));
        }
        // ApiVersions responses always use response header v0, so old clients can read them.
        return frame(correlationId, (short) 0, body, version);
    }

    ByteBuffer metadata(short version, int correlationId, List<String> topics) {
        MetadataResponseData body = new MetadataResponseData().setClusterId("discard").setControllerId(BROKER_ID);
        body.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(BROKER_ID)
                .setHost("discard.invalid").setPort(9092));
        for (String topic : topics) {
            MetadataResponseData.MetadataResponseTopic described = new MetadataResponseData.MetadataResponseTopic()
                    .setName(topic).setTopicId(topicId).setErrorCode((short) 0);
            for (int p = 0; p < partitions; p++) {
                described.partitions().add(new MetadataResponseData.MetadataResponsePartition()
                        .setPartitionIndex(p).setLeaderId(BROKER_ID).setLeaderEpoch(0)
                        .setReplicaNodes(List.of(BROKER_ID)).setIsrNodes(List.of(BROKER_ID)));
            }
            body.topics().add(described);
        }
        return frame(correlationId, ApiKeys.METADATA.responseHeaderVersion(version), body, version);
    }

    ByteBuffer initProducerId(short version, int correlationId) {
        InitProducerIdResponseData body = new InitProducerIdResponseData().setErrorCode((short) 0)
                .setProducerId(PRODUCER_ID).setProducerEpoch((short) 0);
        return frame(correlationId, ApiKeys.INIT_PRODUCER_ID.responseHeaderVersion(version), body, version);
    }

    /**
     * @param topicNames       the topics of the request, in order
     * @param partitionCounts  how many partitions each topic had in the request
     * @param partitionIndexes the partitions, topic after topic
     * @param recordCounts     records of each partition's batch, in the same order
     */
    ByteBuffer produce(short version, int correlationId, List<String> topicNames, int[] partitionCounts,
                       int[] partitionIndexes, int[] recordCounts) {
        ProduceResponseData body = new ProduceResponseData();
        int next = 0;
        for (int t = 0; t < topicNames.size(); t++) {
            List<ProduceResponseData.PartitionProduceResponse> answers = new ArrayList<>(partitionCounts[t]);
            for (int i = 0; i < partitionCounts[t]; i++, next++) {
                int partition = partitionIndexes[next];
                long baseOffset = nextOffsets[partition];
                nextOffsets[partition] += recordCounts[next];
                answers.add(new ProduceResponseData.PartitionProduceResponse().setIndex(partition)
                        .setErrorCode((short) 0).setBaseOffset(baseOffset).setLogAppendTimeMs(-1)
                        .setLogStartOffset(0));
            }
            body.responses().add(new ProduceResponseData.TopicProduceResponse().setName(topicNames.get(t))
                    .setPartitionResponses(answers));
        }
        return frame(correlationId, ApiKeys.PRODUCE.responseHeaderVersion(version), body, version);
    }

    /** The sum of every partition's next offset: records acknowledged so far. */
    long recordsAcknowledged() {
        long total = 0;
        for (long offset : nextOffsets) {
            total += offset;
        }
        return total;
    }

    /** Header and body serialized at their versions; no size prefix (the transport strips it on receipt). */
    private static ByteBuffer frame(int correlationId, short headerVersion, ApiMessage body, short version) {
        ResponseHeaderData header = new ResponseHeaderData().setCorrelationId(correlationId);
        ObjectSerializationCache cache = new ObjectSerializationCache();
        int size = header.size(cache, headerVersion) + body.size(cache, version);
        ByteBuffer buffer = ByteBuffer.allocate(size);
        ByteBufferAccessor accessor = new ByteBufferAccessor(buffer);
        header.write(accessor, cache, headerVersion);
        body.write(accessor, cache, version);
        return buffer.flip();
    }
}
