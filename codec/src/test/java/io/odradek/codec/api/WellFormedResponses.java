package io.odradek.codec.api;

import java.util.List;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.AddOffsetsToTxnResponseData;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.EndTxnResponseData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.apache.kafka.common.message.SaslHandshakeResponseData;
import org.apache.kafka.common.message.TxnOffsetCommitResponseData;
import org.apache.kafka.common.protocol.ApiMessage;

import io.odradek.domain.protocol.ApiKey;

/**
 * A well-formed response body for each API we speak, at any of our versions, built with Kafka's own message
 * classes and filled in every field the version has, so that damaging it reaches every branch of our decoders.
 */
final class WellFormedResponses {
    private WellFormedResponses() {
    }

    static ApiMessage body(ApiKey api, short version) {
        return switch (api) {
            case API_VERSIONS -> apiVersions(version);
            case METADATA -> metadata(version);
            case INIT_PRODUCER_ID ->
                    new InitProducerIdResponseData().setThrottleTimeMs(3).setProducerId(77L).setProducerEpoch((short) 2);
            case PRODUCE -> produce(version);
            case FIND_COORDINATOR -> findCoordinator(version);
            case ADD_PARTITIONS_TO_TXN -> addPartitionsToTxn();
            case ADD_OFFSETS_TO_TXN -> new AddOffsetsToTxnResponseData().setThrottleTimeMs(1).setErrorCode((short) 0);
            case TXN_OFFSET_COMMIT -> txnOffsetCommit();
            case END_TXN -> new EndTxnResponseData().setThrottleTimeMs(2).setErrorCode((short) 0).setProducerId(77L)
                    .setProducerEpoch((short) 3);
            case SASL_HANDSHAKE -> new SaslHandshakeResponseData().setErrorCode((short) 33)
                    .setMechanisms(List.of("PLAIN", "SCRAM-SHA-512"));
            case SASL_AUTHENTICATE -> new SaslAuthenticateResponseData().setErrorCode((short) 58)
                    .setErrorMessage("Authentication failed").setAuthBytes(new byte[] {1, 2, 3, 4, 5})
                    .setSessionLifetimeMs(3_600_000L);
            default -> throw new IllegalArgumentException("no sample response for " + api + ": add one");
        };
    }

    private static ApiMessage apiVersions(short version) {
        ApiVersionsResponseData.ApiVersionCollection keys = new ApiVersionsResponseData.ApiVersionCollection();
        keys.add(new ApiVersionsResponseData.ApiVersion().setApiKey((short) 0).setMinVersion((short) 3)
                .setMaxVersion((short) 12));
        keys.add(new ApiVersionsResponseData.ApiVersion().setApiKey((short) 3).setMinVersion((short) 0)
                .setMaxVersion((short) 12));
        keys.add(new ApiVersionsResponseData.ApiVersion().setApiKey((short) 22).setMinVersion((short) 0)
                .setMaxVersion((short) 5));
        ApiVersionsResponseData data = new ApiVersionsResponseData().setApiKeys(keys);
        if (version >= 1) {
            data.setThrottleTimeMs(1);
        }
        if (version >= 3) {
            ApiVersionsResponseData.FinalizedFeatureKeyCollection features =
                    new ApiVersionsResponseData.FinalizedFeatureKeyCollection();
            features.add(new ApiVersionsResponseData.FinalizedFeatureKey().setName("transaction.version")
                    .setMinVersionLevel((short) 0).setMaxVersionLevel((short) 2));
            features.add(new ApiVersionsResponseData.FinalizedFeatureKey().setName("metadata.version")
                    .setMinVersionLevel((short) 1).setMaxVersionLevel((short) 27));
            data.setFinalizedFeaturesEpoch(4L).setFinalizedFeatures(features);
        }
        return data;
    }

    private static ApiMessage metadata(short version) {
        MetadataResponseData data = new MetadataResponseData().setClusterId("fuzz-cluster").setControllerId(1);
        for (int id = 1; id <= 3; id++) {
            data.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(id).setHost("broker-" + id)
                    .setPort(9090 + id).setRack(id == 2 ? null : "rack-" + id));
        }
        MetadataResponseData.MetadataResponseTopic topic = new MetadataResponseData.MetadataResponseTopic()
                .setName("orders").setIsInternal(false);
        if (version >= 10) {
            topic.setTopicId(Uuid.randomUuid());
        }
        for (int p = 0; p < 3; p++) {
            MetadataResponseData.MetadataResponsePartition partition = new MetadataResponseData.MetadataResponsePartition()
                    .setPartitionIndex(p).setLeaderId(1 + p).setLeaderEpoch(5).setReplicaNodes(List.of(1, 2, 3))
                    .setIsrNodes(List.of(1, 2));
            if (version >= 5) {
                partition.setOfflineReplicas(List.of(3));
            }
            topic.partitions().add(partition);
        }
        data.topics().add(topic);
        data.topics().add(new MetadataResponseData.MetadataResponseTopic().setName("missing").setErrorCode((short) 3));
        return data;
    }

    private static ApiMessage produce(short version) {
        ProduceResponseData.TopicProduceResponseCollection topics = new ProduceResponseData.TopicProduceResponseCollection();
        ProduceResponseData.PartitionProduceResponse ok = new ProduceResponseData.PartitionProduceResponse().setIndex(0)
                .setBaseOffset(100L).setLogAppendTimeMs(-1L).setLogStartOffset(0L);
        ProduceResponseData.PartitionProduceResponse moved = new ProduceResponseData.PartitionProduceResponse()
                .setIndex(1).setErrorCode((short) 6).setBaseOffset(-1L).setLogAppendTimeMs(-1L).setLogStartOffset(-1L);
        if (version >= 8) {
            moved.setErrorMessage("not the leader").setRecordErrors(List.of(
                    new ProduceResponseData.BatchIndexAndErrorMessage().setBatchIndex(0).setBatchIndexErrorMessage("x")));
        }
        if (version >= 10) {
            moved.setCurrentLeader(new ProduceResponseData.LeaderIdAndEpoch().setLeaderId(2).setLeaderEpoch(6));
        }
        topics.add(new ProduceResponseData.TopicProduceResponse().setName("orders")
                .setPartitionResponses(List.of(ok, moved)));
        ProduceResponseData data = new ProduceResponseData().setResponses(topics).setThrottleTimeMs(0);
        if (version >= 10) {
            data.nodeEndpoints().add(new ProduceResponseData.NodeEndpoint().setNodeId(2).setHost("broker-2")
                    .setPort(9092));
        }
        return data;
    }

    private static ApiMessage findCoordinator(short version) {
        FindCoordinatorResponseData data = new FindCoordinatorResponseData().setThrottleTimeMs(5);
        if (version >= 4) {
            return data.setCoordinators(List.of(new FindCoordinatorResponseData.Coordinator().setKey("tx-fuzz")
                    .setNodeId(2).setHost("broker-2").setPort(9092).setErrorMessage("all good")));
        }
        return data.setErrorMessage("all good").setNodeId(2).setHost("broker-2").setPort(9092);
    }

    private static ApiMessage addPartitionsToTxn() {
        AddPartitionsToTxnResponseData.AddPartitionsToTxnTopicResultCollection topics =
                new AddPartitionsToTxnResponseData.AddPartitionsToTxnTopicResultCollection();
        for (String name : List.of("orders", "events")) {
            AddPartitionsToTxnResponseData.AddPartitionsToTxnPartitionResultCollection partitions =
                    new AddPartitionsToTxnResponseData.AddPartitionsToTxnPartitionResultCollection();
            for (int p = 0; p < 2; p++) {
                partitions.add(new AddPartitionsToTxnResponseData.AddPartitionsToTxnPartitionResult()
                        .setPartitionIndex(p).setPartitionErrorCode((short) (p == 0 ? 0 : 55)));
            }
            topics.add(new AddPartitionsToTxnResponseData.AddPartitionsToTxnTopicResult().setName(name)
                    .setResultsByPartition(partitions));
        }
        return new AddPartitionsToTxnResponseData().setThrottleTimeMs(4).setResultsByTopicV3AndBelow(topics);
    }

    private static ApiMessage txnOffsetCommit() {
        List<TxnOffsetCommitResponseData.TxnOffsetCommitResponsePartition> partitions = List.of(
                new TxnOffsetCommitResponseData.TxnOffsetCommitResponsePartition().setPartitionIndex(0),
                new TxnOffsetCommitResponseData.TxnOffsetCommitResponsePartition().setPartitionIndex(3)
                        .setErrorCode((short) 22));
        return new TxnOffsetCommitResponseData().setThrottleTimeMs(6).setTopics(List.of(
                new TxnOffsetCommitResponseData.TxnOffsetCommitResponseTopic().setName("orders")
                        .setPartitions(partitions)));
    }
}
