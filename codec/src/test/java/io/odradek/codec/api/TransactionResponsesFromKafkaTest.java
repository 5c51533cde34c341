package io.odradek.codec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.kafka.common.message.AddOffsetsToTxnResponseData;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnPartitionResult;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnPartitionResultCollection;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnTopicResult;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnTopicResultCollection;
import org.apache.kafka.common.message.EndTxnResponseData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.FindCoordinatorResponseData.Coordinator;
import org.apache.kafka.common.message.TxnOffsetCommitResponseData;
import org.apache.kafka.common.message.TxnOffsetCommitResponseData.TxnOffsetCommitResponsePartition;
import org.apache.kafka.common.message.TxnOffsetCommitResponseData.TxnOffsetCommitResponseTopic;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.protocol.Message;
import org.apache.kafka.common.protocol.types.RawTaggedField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.odradek.codec.KafkaWireProtocol;
import io.odradek.codec.testing.KafkaFrames;
import io.odradek.domain.protocol.AddOffsetsToTxnResponse;
import io.odradek.domain.protocol.AddPartitionsToTxnResponse;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.EndTxnResponse;
import io.odradek.domain.protocol.FindCoordinatorResponse;
import io.odradek.domain.protocol.KafkaError;
import io.odradek.domain.protocol.PartitionError;
import io.odradek.domain.protocol.ProtocolException;
import io.odradek.domain.protocol.RequestHeader;
import io.odradek.domain.protocol.Response;
import io.odradek.domain.protocol.TxnOffsetCommitResponse;

/**
 * The transactional producer's responses, serialized by Kafka's own classes at every version we speak, decode to
 * the same values with ours; in flexible versions every struct also carries a tag we do not know, to be skipped.
 */
class TransactionResponsesFromKafkaTest {
    private static final int FIRST_FLEXIBLE_VERSION = 3; // for all five APIs
    private static final short OPERATION_NOT_ATTEMPTED = Errors.OPERATION_NOT_ATTEMPTED.code();

    private final KafkaWireProtocol protocol = new KafkaWireProtocol();

    static IntStream findCoordinatorVersions() {
        return IntStream.rangeClosed(1, 6);
    }

    static IntStream batchedFindCoordinatorVersions() {
        return IntStream.rangeClosed(4, 6);
    }

    static IntStream addPartitionsToTxnVersions() {
        return IntStream.rangeClosed(0, 3);
    }

    static IntStream addOffsetsToTxnVersions() {
        return IntStream.rangeClosed(0, 4);
    }

    static IntStream txnOffsetCommitVersions() {
        return IntStream.rangeClosed(0, 5);
    }

    static IntStream endTxnVersions() {
        return IntStream.rangeClosed(0, 5);
    }

    private Response decode(ApiKey ours, ApiKeys theirs, int version, ApiMessage body) {
        ByteBuffer frame = KafkaFrames.responseFrame(-9, theirs, (short) version, body);
        return protocol.decodeResponse(new RequestHeader(ours, (short) version, -9, "client"), frame);
    }

    private static <M extends Message> M withUnknownTag(M message, int version) {
        if (version >= FIRST_FLEXIBLE_VERSION) {
            message.unknownTaggedFields().add(new RawTaggedField(23, new byte[] {9, 8, 7}));
        }
        return message;
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("findCoordinatorVersions")
    void findCoordinatorResponseNamesTheCoordinator(int version) {
        FindCoordinatorResponseData data = new FindCoordinatorResponseData().setThrottleTimeMs(15);
        if (version >= 4) {
            data.setCoordinators(List.of(withUnknownTag(new Coordinator().setKey("tx-1").setNodeId(3)
                    .setHost("broker-3.example").setPort(19092).setErrorCode((short) 0).setErrorMessage(null),
                    version)));
        } else {
            data.setErrorCode((short) 0).setErrorMessage(null).setNodeId(3).setHost("broker-3.example")
                    .setPort(19092);
        }
        withUnknownTag(data, version);

        FindCoordinatorResponse response =
                (FindCoordinatorResponse) decode(ApiKey.FIND_COORDINATOR, ApiKeys.FIND_COORDINATOR, version, data);

        assertThat(response).isEqualTo(new FindCoordinatorResponse((short) 0, null, 3, "broker-3.example", 19092, 15));
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("findCoordinatorVersions")
    void findCoordinatorResponseCarriesTheErrorAndItsMessage(int version) {
        FindCoordinatorResponseData data = new FindCoordinatorResponseData().setThrottleTimeMs(0);
        if (version >= 4) {
            data.setCoordinators(List.of(new Coordinator().setKey("tx-1").setNodeId(-1).setHost("").setPort(-1)
                    .setErrorCode(KafkaError.COORDINATOR_NOT_AVAILABLE).setErrorMessage("loading")));
        } else {
            data.setErrorCode(KafkaError.COORDINATOR_NOT_AVAILABLE).setErrorMessage("loading").setNodeId(-1)
                    .setHost("").setPort(-1);
        }

        FindCoordinatorResponse response =
                (FindCoordinatorResponse) decode(ApiKey.FIND_COORDINATOR, ApiKeys.FIND_COORDINATOR, version, data);

        assertThat(response).isEqualTo(new FindCoordinatorResponse(KafkaError.COORDINATOR_NOT_AVAILABLE, "loading",
                -1, "", -1, 0));
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("batchedFindCoordinatorVersions")
    void findCoordinatorAnswerWithoutExactlyOneCoordinatorIsAProtocolError(int version) {
        Coordinator one = new Coordinator().setKey("tx-1").setNodeId(1).setHost("h1").setPort(1);
        Coordinator two = new Coordinator().setKey("tx-2").setNodeId(2).setHost("h2").setPort(2);
        for (List<Coordinator> coordinators : List.of(List.<Coordinator>of(), List.of(one, two))) {
            FindCoordinatorResponseData data = new FindCoordinatorResponseData().setCoordinators(coordinators);
            assertThatThrownBy(() -> decode(ApiKey.FIND_COORDINATOR, ApiKeys.FIND_COORDINATOR, version, data))
                    .as("%d coordinators", coordinators.size())
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining(coordinators.size() + " coordinators to our one key");
        }
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("addPartitionsToTxnVersions")
    void addPartitionsToTxnResponseGivesEachPartitionsOutcome(int version) {
        AddPartitionsToTxnTopicResultCollection topics = new AddPartitionsToTxnTopicResultCollection();
        topics.add(withUnknownTag(new AddPartitionsToTxnTopicResult().setName("orders")
                .setResultsByPartition(partitionResults(version,
                        new AddPartitionsToTxnPartitionResult().setPartitionIndex(0)
                                .setPartitionErrorCode(KafkaError.TOPIC_AUTHORIZATION_FAILED),
                        new AddPartitionsToTxnPartitionResult().setPartitionIndex(7)
                                .setPartitionErrorCode(OPERATION_NOT_ATTEMPTED))), version));
        topics.add(new AddPartitionsToTxnTopicResult().setName("events")
                .setResultsByPartition(partitionResults(version, new AddPartitionsToTxnPartitionResult()
                        .setPartitionIndex(2).setPartitionErrorCode(OPERATION_NOT_ATTEMPTED))));
        AddPartitionsToTxnResponseData data = withUnknownTag(new AddPartitionsToTxnResponseData()
                .setThrottleTimeMs(40).setResultsByTopicV3AndBelow(topics), version);

        AddPartitionsToTxnResponse response = (AddPartitionsToTxnResponse) decode(ApiKey.ADD_PARTITIONS_TO_TXN,
                ApiKeys.ADD_PARTITIONS_TO_TXN, version, data);

        assertThat(response.throttleTimeMs()).isEqualTo(40);
        assertThat(response.results()).containsExactly(
                new PartitionError("orders", 0, KafkaError.TOPIC_AUTHORIZATION_FAILED),
                new PartitionError("orders", 7, OPERATION_NOT_ATTEMPTED),
                new PartitionError("events", 2, OPERATION_NOT_ATTEMPTED));
    }

    private static AddPartitionsToTxnPartitionResultCollection partitionResults(
            int version, AddPartitionsToTxnPartitionResult... results) {
        AddPartitionsToTxnPartitionResultCollection collection = new AddPartitionsToTxnPartitionResultCollection();
        for (AddPartitionsToTxnPartitionResult result : results) {
            collection.add(withUnknownTag(result, version));
        }
        return collection;
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("addOffsetsToTxnVersions")
    void addOffsetsToTxnResponseCarriesItsError(int version) {
        AddOffsetsToTxnResponseData data = withUnknownTag(new AddOffsetsToTxnResponseData().setThrottleTimeMs(7)
                .setErrorCode(KafkaError.PRODUCER_FENCED), version);

        Response response = decode(ApiKey.ADD_OFFSETS_TO_TXN, ApiKeys.ADD_OFFSETS_TO_TXN, version, data);

        assertThat(response).isEqualTo(new AddOffsetsToTxnResponse(KafkaError.PRODUCER_FENCED, 7));
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("txnOffsetCommitVersions")
    void txnOffsetCommitResponseGivesEachPartitionsOutcome(int version) {
        TxnOffsetCommitResponseTopic orders = withUnknownTag(new TxnOffsetCommitResponseTopic().setName("orders")
                .setPartitions(List.of(
                        withUnknownTag(new TxnOffsetCommitResponsePartition().setPartitionIndex(0)
                                .setErrorCode((short) 0), version),
                        new TxnOffsetCommitResponsePartition().setPartitionIndex(4)
                                .setErrorCode(Errors.ILLEGAL_GENERATION.code()))), version);
        TxnOffsetCommitResponseTopic events = new TxnOffsetCommitResponseTopic().setName("events")
                .setPartitions(List.of(new TxnOffsetCommitResponsePartition().setPartitionIndex(1)
                        .setErrorCode(KafkaError.NOT_COORDINATOR)));
        TxnOffsetCommitResponseData data = withUnknownTag(new TxnOffsetCommitResponseData().setThrottleTimeMs(3)
                .setTopics(List.of(orders, events)), version);

        TxnOffsetCommitResponse response = (TxnOffsetCommitResponse) decode(ApiKey.TXN_OFFSET_COMMIT,
                ApiKeys.TXN_OFFSET_COMMIT, version, data);

        assertThat(response.throttleTimeMs()).isEqualTo(3);
        assertThat(response.results()).containsExactly(
                new PartitionError("orders", 0, (short) 0),
                new PartitionError("orders", 4, Errors.ILLEGAL_GENERATION.code()),
                new PartitionError("events", 1, KafkaError.NOT_COORDINATOR));
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("endTxnVersions")
    void endTxnResponseCarriesTheNextProducerIdentityFromV5(int version) {
        // Kafka's serializer drops the (ignorable) producer id and epoch below v5, as a broker would.
        EndTxnResponseData data = withUnknownTag(new EndTxnResponseData().setThrottleTimeMs(11)
                .setErrorCode(KafkaError.NONE).setProducerId(1L << 40).setProducerEpoch((short) 0), version);

        Response response = decode(ApiKey.END_TXN, ApiKeys.END_TXN, version, data);

        assertThat(response).isEqualTo(version >= 5
                ? new EndTxnResponse(KafkaError.NONE, 1L << 40, (short) 0, 11)
                : new EndTxnResponse(KafkaError.NONE, -1L, (short) -1, 11));
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("endTxnVersions")
    void endTxnResponseCarriesItsError(int version) {
        EndTxnResponseData data = new EndTxnResponseData().setErrorCode(KafkaError.INVALID_TXN_STATE);

        Response response = decode(ApiKey.END_TXN, ApiKeys.END_TXN, version, data);

        assertThat(((EndTxnResponse) response).errorCode()).isEqualTo(KafkaError.INVALID_TXN_STATE);
    }
}
