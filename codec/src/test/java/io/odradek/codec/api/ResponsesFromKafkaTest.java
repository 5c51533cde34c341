package io.odradek.codec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.types.RawTaggedField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.odradek.codec.KafkaWireProtocol;
import io.odradek.codec.testing.KafkaFrames;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.ApiVersionsResponse;
import io.odradek.domain.protocol.InitProducerIdResponse;
import io.odradek.domain.protocol.KafkaError;
import io.odradek.domain.protocol.MetadataResponse;
import io.odradek.domain.protocol.ProduceResponse;
import io.odradek.domain.protocol.ProduceResponse.LeaderHint;
import io.odradek.domain.protocol.ProtocolException;
import io.odradek.domain.protocol.RequestHeader;
import io.odradek.domain.protocol.VersionRange;

/** Responses serialized by Kafka's own classes decode to the same values with ours, at every version. */
class ResponsesFromKafkaTest {
    private final KafkaWireProtocol protocol = new KafkaWireProtocol();

    static IntStream apiVersionsVersions() {
        return IntStream.rangeClosed(0, 3);
    }

    static IntStream metadataVersions() {
        return IntStream.rangeClosed(4, 12);
    }

    static IntStream initProducerIdVersions() {
        return IntStream.rangeClosed(0, 5);
    }

    static IntStream produceVersions() {
        return IntStream.rangeClosed(3, 12);
    }

    private static RequestHeader header(ApiKey apiKey, int version, int correlationId) {
        return new RequestHeader(apiKey, (short) version, correlationId, "client");
    }

    private static void addUnknownTag(org.apache.kafka.common.protocol.Message message, int version, int flexibleFrom) {
        if (version >= flexibleFrom) {
            message.unknownTaggedFields().add(new RawTaggedField(17, new byte[] {1, 2, 3, 4, 5}));
        }
    }

    private static ApiVersionsResponseData apiVersionsData(short errorCode) {
        ApiVersionsResponseData.ApiVersionCollection keys = new ApiVersionsResponseData.ApiVersionCollection();
        keys.add(new ApiVersionsResponseData.ApiVersion().setApiKey((short) 0).setMinVersion((short) 3)
                .setMaxVersion((short) 13));
        keys.add(new ApiVersionsResponseData.ApiVersion().setApiKey((short) 1).setMinVersion((short) 4)
                .setMaxVersion((short) 17)); // Fetch: not a producer API, left out
        keys.add(new ApiVersionsResponseData.ApiVersion().setApiKey((short) 18).setMinVersion((short) 0)
                .setMaxVersion((short) 4));
        return new ApiVersionsResponseData().setErrorCode(errorCode).setApiKeys(keys);
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("apiVersionsVersions")
    void apiVersionsResponseListsProducerApisOnly(int version) {
        ApiVersionsResponseData data = apiVersionsData((short) 0);
        if (version >= 1) {
            data.setThrottleTimeMs(250);
        }
        if (version >= 3) {
            data.setFinalizedFeaturesEpoch(12L); // a tagged field we skip
        }
        addUnknownTag(data, version, 3);
        ByteBuffer frame = KafkaFrames.responseFrame(41, ApiKeys.API_VERSIONS, (short) version, data);

        ApiVersionsResponse response = (ApiVersionsResponse) protocol.decodeResponse(
                header(ApiKey.API_VERSIONS, version, 41), frame);

        assertThat(response.errorCode()).isZero();
        assertThat(response.versions()).containsOnlyKeys(ApiKey.PRODUCE, ApiKey.API_VERSIONS);
        assertThat(response.versions().get(ApiKey.PRODUCE)).isEqualTo(VersionRange.of(3, 13));
        assertThat(response.versions().get(ApiKey.API_VERSIONS)).isEqualTo(VersionRange.of(0, 4));
        assertThat(response.throttleTimeMs()).isEqualTo(version >= 1 ? 250 : 0);
    }

    /** A 4.x cluster with transactions v2 on: what the producer reads to choose its transaction protocol. */
    private static ApiVersionsResponseData apiVersionsWithFeatures(long finalizedFeaturesEpoch) {
        ApiVersionsResponseData.FinalizedFeatureKeyCollection finalized =
                new ApiVersionsResponseData.FinalizedFeatureKeyCollection();
        finalized.add(new ApiVersionsResponseData.FinalizedFeatureKey().setName("transaction.version")
                .setMinVersionLevel((short) 0).setMaxVersionLevel((short) 2));
        finalized.add(new ApiVersionsResponseData.FinalizedFeatureKey().setName("metadata.version")
                .setMinVersionLevel((short) 1).setMaxVersionLevel((short) 27));
        // What this broker could run, not what the cluster runs: group.version is supported but not finalized.
        ApiVersionsResponseData.SupportedFeatureKeyCollection supported =
                new ApiVersionsResponseData.SupportedFeatureKeyCollection();
        supported.add(new ApiVersionsResponseData.SupportedFeatureKey().setName("transaction.version")
                .setMinVersion((short) 1).setMaxVersion((short) 2));
        supported.add(new ApiVersionsResponseData.SupportedFeatureKey().setName("group.version")
                .setMinVersion((short) 1).setMaxVersion((short) 1));
        return apiVersionsData((short) 0).setThrottleTimeMs(3).setSupportedFeatures(supported)
                .setFinalizedFeaturesEpoch(finalizedFeaturesEpoch).setFinalizedFeatures(finalized)
                .setZkMigrationReady(true);
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("apiVersionsVersions")
    void apiVersionsReadsTheClustersFinalizedFeaturesFromV3(int version) {
        ApiVersionsResponseData data = apiVersionsWithFeatures(418L);
        addUnknownTag(data, version, 3);
        ByteBuffer frame = KafkaFrames.responseFrame(2, ApiKeys.API_VERSIONS, (short) version, data);

        ApiVersionsResponse response = (ApiVersionsResponse) protocol.decodeResponse(
                header(ApiKey.API_VERSIONS, version, 2), frame);

        // Below v3 the features are tagged fields that do not exist; Kafka's serializer drops them.
        if (version >= 3) {
            assertThat(response.finalizedFeaturesEpoch()).isEqualTo(418L);
            assertThat(response.finalizedFeatures()).containsOnly(entry("transaction.version", (short) 2),
                    entry("metadata.version", (short) 27));
        } else {
            assertThat(response.finalizedFeaturesEpoch()).isEqualTo(-1L);
            assertThat(response.finalizedFeatures()).isEmpty();
        }
        assertThat(response.versions().get(ApiKey.PRODUCE)).isEqualTo(VersionRange.of(3, 13));
        assertThat(response.throttleTimeMs()).isEqualTo(version >= 1 ? 3 : 0);
    }

    @Test
    void finalizedFeaturesWithoutAnEpochAreNotTrusted() {
        // The schema: the list "is valid only if FinalizedFeaturesEpoch >= 0"; -1, the default, is not written.
        ByteBuffer frame = KafkaFrames.responseFrame(2, ApiKeys.API_VERSIONS, (short) 3, apiVersionsWithFeatures(-1L));

        ApiVersionsResponse response = (ApiVersionsResponse) protocol.decodeResponse(
                header(ApiKey.API_VERSIONS, 3, 2), frame);

        assertThat(response.finalizedFeaturesEpoch()).isEqualTo(-1L);
        assertThat(response.finalizedFeatures()).isEmpty();
        assertThat(response.versions()).containsKey(ApiKey.PRODUCE);
    }

    @ParameterizedTest(name = "asked v{0}")
    @MethodSource("apiVersionsVersions")
    void apiVersionsUnsupportedVersionReplyInV0LayoutIsDecoded(int version) {
        // What a broker sends when it does not know our ApiVersions version: header v0, body v0.
        ByteBuffer frame = KafkaFrames.responseFrame(8, (short) 0,
                apiVersionsData(KafkaError.UNSUPPORTED_VERSION), (short) 0);

        ApiVersionsResponse response = (ApiVersionsResponse) protocol.decodeResponse(
                header(ApiKey.API_VERSIONS, version, 8), frame);

        assertThat(response.errorCode()).isEqualTo(KafkaError.UNSUPPORTED_VERSION);
        assertThat(response.versions().get(ApiKey.API_VERSIONS)).isEqualTo(VersionRange.of(0, 4));
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("metadataVersions")
    void metadataResponseDecodesBrokersTopicsAndLeaders(int version) {
        MetadataResponseData data = new MetadataResponseData().setThrottleTimeMs(5).setClusterId("cluster-x")
                .setControllerId(2);
        data.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(1).setHost("h1")
                .setPort(9092).setRack("rack-a"));
        data.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(2).setHost("h2")
                .setPort(9093).setRack(null));
        MetadataResponseData.MetadataResponseTopic orders = new MetadataResponseData.MetadataResponseTopic()
                .setErrorCode((short) 0).setName("orders").setIsInternal(false)
                .setPartitions(List.of(partition(version, 0, 1, 17), partition(version, 1, -1, 3)));
        MetadataResponseData.MetadataResponseTopic missing = new MetadataResponseData.MetadataResponseTopic()
                .setErrorCode(KafkaError.UNKNOWN_TOPIC_OR_PARTITION).setName("missing").setPartitions(List.of());
        if (version >= 10) {
            orders.setTopicId(Uuid.randomUuid());
        }
        if (version >= 8) {
            orders.setTopicAuthorizedOperations(0x0F);
        }
        addUnknownTag(orders, version, 9);
        addUnknownTag(data, version, 9);
        data.topics().add(orders);
        data.topics().add(missing);
        ByteBuffer frame = KafkaFrames.responseFrame(-17, ApiKeys.METADATA, (short) version, data);

        MetadataResponse response = (MetadataResponse) protocol.decodeResponse(header(ApiKey.METADATA, version, -17),
                frame);

        assertThat(response.throttleTimeMs()).isEqualTo(5);
        assertThat(response.clusterId()).isEqualTo("cluster-x");
        assertThat(response.controllerId()).isEqualTo(2);
        assertThat(response.brokers()).containsExactly(new MetadataResponse.Broker(1, "h1", 9092, "rack-a"),
                new MetadataResponse.Broker(2, "h2", 9093, null));
        assertThat(response.topics()).hasSize(2);
        MetadataResponse.TopicMetadata first = response.topics().get(0);
        assertThat(first.name()).isEqualTo("orders");
        assertThat(first.errorCode()).isZero();
        // Leader epochs exist from v7; before that the broker sends none and we report -1.
        assertThat(first.partitions()).containsExactly(
                new MetadataResponse.PartitionMetadata((short) 0, 0, 1, version >= 7 ? 17 : -1),
                new MetadataResponse.PartitionMetadata((short) 0, 1, -1, version >= 7 ? 3 : -1));
        assertThat(response.topics().get(1))
                .isEqualTo(new MetadataResponse.TopicMetadata(KafkaError.UNKNOWN_TOPIC_OR_PARTITION, "missing",
                        List.of()));
    }

    private static MetadataResponseData.MetadataResponsePartition partition(int version, int index, int leader,
                                                                            int epoch) {
        MetadataResponseData.MetadataResponsePartition partition = new MetadataResponseData.MetadataResponsePartition()
                .setPartitionIndex(index).setLeaderId(leader).setLeaderEpoch(epoch)
                .setReplicaNodes(List.of(1, 2, 3)).setIsrNodes(List.of(1, 2));
        if (version >= 5) {
            partition.setOfflineReplicas(List.of(3));
        }
        addUnknownTag(partition, version, 9);
        return partition;
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("initProducerIdVersions")
    void initProducerIdResponseDecodesIdAndEpoch(int version) {
        InitProducerIdResponseData data = new InitProducerIdResponseData().setThrottleTimeMs(9)
                .setErrorCode(KafkaError.CONCURRENT_TRANSACTIONS).setProducerId(1L << 40).setProducerEpoch((short) 300);
        addUnknownTag(data, version, 2);
        ByteBuffer frame = KafkaFrames.responseFrame(3, ApiKeys.INIT_PRODUCER_ID, (short) version, data);

        InitProducerIdResponse response = (InitProducerIdResponse) protocol.decodeResponse(
                header(ApiKey.INIT_PRODUCER_ID, version, 3), frame);

        assertThat(response).isEqualTo(new InitProducerIdResponse(KafkaError.CONCURRENT_TRANSACTIONS, 1L << 40,
                (short) 300, 9));
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("produceVersions")
    void produceResponseDecodesPartitionOutcomesAndLeaderHints(int version) {
        ProduceResponseData.PartitionProduceResponse ok = new ProduceResponseData.PartitionProduceResponse()
                .setIndex(0).setErrorCode((short) 0).setBaseOffset(1000L).setLogAppendTimeMs(-1L)
                .setLogStartOffset(5L);
        ProduceResponseData.PartitionProduceResponse moved = new ProduceResponseData.PartitionProduceResponse()
                .setIndex(4).setErrorCode(KafkaError.NOT_LEADER_OR_FOLLOWER).setBaseOffset(-1L)
                .setLogAppendTimeMs(1_700_000_000_000L).setLogStartOffset(-1L);
        if (version >= 8) {
            moved.setErrorMessage("not the leader")
                    .setRecordErrors(List.of(new ProduceResponseData.BatchIndexAndErrorMessage().setBatchIndex(2)
                            .setBatchIndexErrorMessage("bad record")));
        }
        if (version >= 10) {
            moved.setCurrentLeader(new ProduceResponseData.LeaderIdAndEpoch().setLeaderId(3).setLeaderEpoch(21));
        }
        addUnknownTag(ok, version, 9);
        ProduceResponseData.TopicProduceResponseCollection topics =
                new ProduceResponseData.TopicProduceResponseCollection();
        topics.add(new ProduceResponseData.TopicProduceResponse().setName("orders")
                .setPartitionResponses(List.of(ok, moved)));
        ProduceResponseData data = new ProduceResponseData().setResponses(topics).setThrottleTimeMs(12);
        if (version >= 10) {
            data.nodeEndpoints().add(new ProduceResponseData.NodeEndpoint().setNodeId(3).setHost("h3").setPort(9094)
                    .setRack("r"));
        }
        addUnknownTag(data, version, 9);
        ByteBuffer frame = KafkaFrames.responseFrame(77, ApiKeys.PRODUCE, (short) version, data);

        ProduceResponse response = (ProduceResponse) protocol.decodeResponse(header(ApiKey.PRODUCE, version, 77),
                frame);

        assertThat(response.throttleTimeMs()).isEqualTo(12);
        assertThat(response.topics()).hasSize(1);
        assertThat(response.topics().get(0).topic()).isEqualTo("orders");
        assertThat(response.topics().get(0).partitions()).containsExactly(
                new ProduceResponse.PartitionResponse(0, (short) 0, 1000L, -1L, version >= 5 ? 5L : -1L, null, null),
                new ProduceResponse.PartitionResponse(4, KafkaError.NOT_LEADER_OR_FOLLOWER, -1L, 1_700_000_000_000L,
                        -1L, version >= 8 ? "not the leader" : null,
                        version >= 10 ? new LeaderHint(3, 21) : null));
    }

    @Test
    void truncatedResponseIsAProtocolException() {
        MetadataResponseData data = new MetadataResponseData().setClusterId("c");
        data.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(1).setHost("host").setPort(1));
        ByteBuffer frame = KafkaFrames.responseFrame(5, ApiKeys.METADATA, (short) 12, data);
        for (int cut = 0; cut < frame.remaining(); cut++) {
            ByteBuffer truncated = frame.duplicate();
            truncated.limit(cut);
            assertThatThrownBy(() -> protocol.decodeResponse(header(ApiKey.METADATA, 12, 5), truncated))
                    .as("cut at %d", cut)
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("METADATA");
        }
    }

    @Test
    void impossibleArrayLengthIsAProtocolExceptionNotAnAllocation() {
        ByteBuffer frame = ByteBuffer.allocate(4 + 4 + 4);
        frame.putInt(5).putInt(Integer.MAX_VALUE).putInt(0).flip(); // correlation id, "2^31 topics", ...
        assertThatThrownBy(() -> protocol.decodeResponse(header(ApiKey.PRODUCE, 8, 5), frame))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("array");
    }

    @Test
    void correlationIdMismatchIsAProtocolException() {
        InitProducerIdResponseData data = new InitProducerIdResponseData().setProducerId(1).setProducerEpoch((short) 0);
        ByteBuffer frame = KafkaFrames.responseFrame(10, ApiKeys.INIT_PRODUCER_ID, (short) 4, data);
        assertThatThrownBy(() -> protocol.decodeResponse(header(ApiKey.INIT_PRODUCER_ID, 4, 11), frame))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("correlation id 10")
                .hasMessageContaining("11");
    }

    @Test
    void decodingLeavesTheCallersFrameUntouched() {
        InitProducerIdResponseData data = new InitProducerIdResponseData().setProducerId(1).setProducerEpoch((short) 0);
        ByteBuffer frame = KafkaFrames.responseFrame(10, ApiKeys.INIT_PRODUCER_ID, (short) 4, data);
        int before = frame.position();
        protocol.decodeResponse(header(ApiKey.INIT_PRODUCER_ID, 4, 10), frame);
        assertThat(frame.position()).isEqualTo(before);
    }
}
