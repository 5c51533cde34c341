package io.odradek.codec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.apache.kafka.common.message.AddOffsetsToTxnRequestData;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData.AddPartitionsToTxnTopic;
import org.apache.kafka.common.message.EndTxnRequestData;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.TxnOffsetCommitRequestData;
import org.apache.kafka.common.message.TxnOffsetCommitRequestData.TxnOffsetCommitRequestPartition;
import org.apache.kafka.common.message.TxnOffsetCommitRequestData.TxnOffsetCommitRequestTopic;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.odradek.codec.KafkaWireProtocol;
import io.odradek.codec.testing.KafkaFrames;
import io.odradek.codec.testing.KafkaFrames.ParsedRequest;
import io.odradek.domain.protocol.AddOffsetsToTxnRequest;
import io.odradek.domain.protocol.AddPartitionsToTxnRequest;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.CoordinatorType;
import io.odradek.domain.protocol.EndTxnRequest;
import io.odradek.domain.protocol.FindCoordinatorRequest;
import io.odradek.domain.protocol.Request;
import io.odradek.domain.protocol.RequestHeader;
import io.odradek.domain.protocol.TxnOffsetCommitRequest;
import io.odradek.domain.protocol.TxnOffsetCommitRequest.PartitionOffset;

/** The transactional producer's requests, as we encode them, parse with Kafka's own classes to the same values. */
class TransactionRequestsParsedByKafkaTest {
    private static final String CLIENT_ID = "odradek-producer-tx";
    private static final String TRANSACTIONAL_ID = "payments-tx-ü-1";
    private static final long PRODUCER_ID = 1L << 42;
    private static final short PRODUCER_EPOCH = 1234;

    private final KafkaWireProtocol protocol = new KafkaWireProtocol();

    static IntStream findCoordinatorVersions() {
        return IntStream.rangeClosed(1, 6);
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

    /** Encodes, checks Kafka reads the same header, and leaves the buffer at the body. */
    private ByteBufferAccessor encodeAndParse(ApiKey apiKey, int version, Request request) {
        RequestHeader header = new RequestHeader(apiKey, (short) version, 31, CLIENT_ID);
        ParsedRequest parsed = KafkaFrames.parseRequest(protocol.encodeRequest(header, request));
        assertThat(parsed.header().apiKey()).isEqualTo(ApiKeys.forId(apiKey.id()));
        assertThat(parsed.header().apiVersion()).isEqualTo((short) version);
        assertThat(parsed.header().correlationId()).isEqualTo(31);
        assertThat(parsed.header().clientId()).isEqualTo(CLIENT_ID);
        return new ByteBufferAccessor(parsed.body());
    }

    private static void assertFullyRead(ByteBufferAccessor body) {
        assertThat(body.remaining()).as("bytes Kafka's parser left unread").isZero();
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("findCoordinatorVersions")
    void findCoordinatorAsksForTheTransactionCoordinatorOfOneKey(int version) {
        ByteBufferAccessor body = encodeAndParse(ApiKey.FIND_COORDINATOR, version,
                new FindCoordinatorRequest(CoordinatorType.TRANSACTION, TRANSACTIONAL_ID));
        FindCoordinatorRequestData data = new FindCoordinatorRequestData(body, (short) version);
        assertFullyRead(body);
        assertThat(data.keyType()).isEqualTo((byte) 1);
        if (version >= 4) {
            assertThat(data.coordinatorKeys()).containsExactly(TRANSACTIONAL_ID);
        } else {
            assertThat(data.key()).isEqualTo(TRANSACTIONAL_ID);
        }
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("findCoordinatorVersions")
    void findCoordinatorAsksForAGroupCoordinator(int version) {
        ByteBufferAccessor body = encodeAndParse(ApiKey.FIND_COORDINATOR, version,
                new FindCoordinatorRequest(CoordinatorType.GROUP, "orders-consumers"));
        FindCoordinatorRequestData data = new FindCoordinatorRequestData(body, (short) version);
        assertThat(data.keyType()).isEqualTo((byte) 0);
        assertThat(version >= 4 ? data.coordinatorKeys().get(0) : data.key()).isEqualTo("orders-consumers");
    }

    @Test
    void findCoordinatorV0IsNotSpokenItCannotNameATransactionCoordinator() {
        RequestHeader v0 = new RequestHeader(ApiKey.FIND_COORDINATOR, (short) 0, 1, CLIENT_ID);
        assertThatThrownBy(() -> protocol.encodeRequest(v0,
                new FindCoordinatorRequest(CoordinatorType.TRANSACTION, TRANSACTIONAL_ID)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v0");
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("addPartitionsToTxnVersions")
    void addPartitionsToTxnNamesTheTransactionAndItsPartitions(int version) {
        ByteBufferAccessor body = encodeAndParse(ApiKey.ADD_PARTITIONS_TO_TXN, version,
                new AddPartitionsToTxnRequest(TRANSACTIONAL_ID, PRODUCER_ID, PRODUCER_EPOCH, List.of(
                        new AddPartitionsToTxnRequest.Topic("orders", List.of(0, 7, 3)),
                        new AddPartitionsToTxnRequest.Topic("paiements-€", List.of(1)))));
        AddPartitionsToTxnRequestData data = new AddPartitionsToTxnRequestData(body, (short) version);
        assertFullyRead(body);
        assertThat(data.v3AndBelowTransactionalId()).isEqualTo(TRANSACTIONAL_ID);
        assertThat(data.v3AndBelowProducerId()).isEqualTo(PRODUCER_ID);
        assertThat(data.v3AndBelowProducerEpoch()).isEqualTo(PRODUCER_EPOCH);
        List<AddPartitionsToTxnTopic> topics = List.copyOf(data.v3AndBelowTopics());
        assertThat(topics).extracting(AddPartitionsToTxnTopic::name).containsExactly("orders", "paiements-€");
        assertThat(topics.get(0).partitions()).containsExactly(0, 7, 3);
        assertThat(topics.get(1).partitions()).containsExactly(1);
    }

    @Test
    void addPartitionsToTxnStopsAtTheLastClientVersion() {
        RequestHeader v4 = new RequestHeader(ApiKey.ADD_PARTITIONS_TO_TXN, (short) 4, 1, CLIENT_ID);
        assertThatThrownBy(() -> protocol.encodeRequest(v4,
                new AddPartitionsToTxnRequest(TRANSACTIONAL_ID, PRODUCER_ID, PRODUCER_EPOCH, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v4");
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("addOffsetsToTxnVersions")
    void addOffsetsToTxnNamesTheTransactionAndTheGroup(int version) {
        ByteBufferAccessor body = encodeAndParse(ApiKey.ADD_OFFSETS_TO_TXN, version,
                new AddOffsetsToTxnRequest(TRANSACTIONAL_ID, PRODUCER_ID, PRODUCER_EPOCH, "orders-consumers"));
        AddOffsetsToTxnRequestData data = new AddOffsetsToTxnRequestData(body, (short) version);
        assertFullyRead(body);
        assertThat(data.transactionalId()).isEqualTo(TRANSACTIONAL_ID);
        assertThat(data.producerId()).isEqualTo(PRODUCER_ID);
        assertThat(data.producerEpoch()).isEqualTo(PRODUCER_EPOCH);
        assertThat(data.groupId()).isEqualTo("orders-consumers");
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("endTxnVersions")
    void endTxnCommits(int version) {
        ByteBufferAccessor body = encodeAndParse(ApiKey.END_TXN, version,
                new EndTxnRequest(TRANSACTIONAL_ID, PRODUCER_ID, PRODUCER_EPOCH, true));
        EndTxnRequestData data = new EndTxnRequestData(body, (short) version);
        assertFullyRead(body);
        assertThat(data.transactionalId()).isEqualTo(TRANSACTIONAL_ID);
        assertThat(data.producerId()).isEqualTo(PRODUCER_ID);
        assertThat(data.producerEpoch()).isEqualTo(PRODUCER_EPOCH);
        assertThat(data.committed()).isTrue();
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("endTxnVersions")
    void endTxnAborts(int version) {
        ByteBufferAccessor body = encodeAndParse(ApiKey.END_TXN, version,
                new EndTxnRequest(TRANSACTIONAL_ID, PRODUCER_ID, PRODUCER_EPOCH, false));
        assertThat(new EndTxnRequestData(body, (short) version).committed()).isFalse();
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("txnOffsetCommitVersions")
    void txnOffsetCommitCarriesOffsetsAndFromV2TheirLeaderEpochs(int version) {
        TxnOffsetCommitRequest request = new TxnOffsetCommitRequest(TRANSACTIONAL_ID, "orders-consumers",
                PRODUCER_ID, PRODUCER_EPOCH, -1, "", null, List.of(
                new TxnOffsetCommitRequest.Topic("orders", List.of(
                        new PartitionOffset(0, 1L << 33, 17, "checkpoint-ä"),
                        new PartitionOffset(5, 0L, -1, null))),
                new TxnOffsetCommitRequest.Topic("events", List.of(new PartitionOffset(2, 99L, 4, "")))));

        ByteBufferAccessor body = encodeAndParse(ApiKey.TXN_OFFSET_COMMIT, version, request);
        TxnOffsetCommitRequestData data = new TxnOffsetCommitRequestData(body, (short) version);

        assertFullyRead(body);
        assertThat(data.transactionalId()).isEqualTo(TRANSACTIONAL_ID);
        assertThat(data.groupId()).isEqualTo("orders-consumers");
        assertThat(data.producerId()).isEqualTo(PRODUCER_ID);
        assertThat(data.producerEpoch()).isEqualTo(PRODUCER_EPOCH);
        assertThat(data.topics()).extracting(TxnOffsetCommitRequestTopic::name).containsExactly("orders", "events");
        List<TxnOffsetCommitRequestPartition> orders = data.topics().get(0).partitions();
        assertThat(orders).extracting(TxnOffsetCommitRequestPartition::partitionIndex).containsExactly(0, 5);
        assertThat(orders).extracting(TxnOffsetCommitRequestPartition::committedOffset).containsExactly(1L << 33, 0L);
        assertThat(orders).extracting(TxnOffsetCommitRequestPartition::committedMetadata)
                .containsExactly("checkpoint-ä", null);
        // Below v2 there is no leader epoch on the wire, and Kafka reads its default, -1.
        assertThat(orders).extracting(TxnOffsetCommitRequestPartition::committedLeaderEpoch)
                .containsExactly(version >= 2 ? 17 : -1, -1);
        TxnOffsetCommitRequestPartition events = data.topics().get(1).partitions().get(0);
        assertThat(events.committedOffset()).isEqualTo(99L);
        assertThat(events.committedMetadata()).isEmpty();
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("txnOffsetCommitVersions")
    void txnOffsetCommitCarriesTheGroupMemberFromV3AndRefusesToDropItBelow(int version) {
        TxnOffsetCommitRequest request = new TxnOffsetCommitRequest(TRANSACTIONAL_ID, "orders-consumers",
                PRODUCER_ID, PRODUCER_EPOCH, 12, "consumer-1-5d1c", "instance-a", List.of(
                new TxnOffsetCommitRequest.Topic("orders", List.of(new PartitionOffset(0, 10L, 3, null)))));
        if (version < 3) {
            RequestHeader old = new RequestHeader(ApiKey.TXN_OFFSET_COMMIT, (short) version, 1, CLIENT_ID);
            assertThatThrownBy(() -> protocol.encodeRequest(old, request))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KIP-447");
            return;
        }
        ByteBufferAccessor body = encodeAndParse(ApiKey.TXN_OFFSET_COMMIT, version, request);
        TxnOffsetCommitRequestData data = new TxnOffsetCommitRequestData(body, (short) version);
        assertFullyRead(body);
        assertThat(data.generationId()).isEqualTo(12);
        assertThat(data.memberId()).isEqualTo("consumer-1-5d1c");
        assertThat(data.groupInstanceId()).isEqualTo("instance-a");
    }

    @Test
    void txnOffsetCommitWithoutAStaticMemberSendsANullGroupInstanceId() {
        TxnOffsetCommitRequest request = new TxnOffsetCommitRequest(TRANSACTIONAL_ID, "g", PRODUCER_ID,
                PRODUCER_EPOCH, 3, "member", null, List.of());
        ByteBufferAccessor body = encodeAndParse(ApiKey.TXN_OFFSET_COMMIT, 5, request);
        TxnOffsetCommitRequestData data = new TxnOffsetCommitRequestData(body, (short) 5);
        assertThat(data.groupInstanceId()).isNull();
        assertThat(data.memberId()).isEqualTo("member");
    }

    @Test
    void aNullTransactionalIdIsRefusedNotSentAsALengthOfMinusOne() {
        RequestHeader header = new RequestHeader(ApiKey.END_TXN, (short) 4, 1, CLIENT_ID);
        assertThatThrownBy(() -> protocol.encodeRequest(header,
                new EndTxnRequest(null, PRODUCER_ID, PRODUCER_EPOCH, true)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
