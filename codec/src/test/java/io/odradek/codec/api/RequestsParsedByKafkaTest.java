package io.odradek.codec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.RecordBatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.odradek.api.Headers;
import io.odradek.codec.KafkaWireProtocol;
import io.odradek.codec.testing.KafkaFrames;
import io.odradek.codec.testing.KafkaFrames.ParsedRequest;
import io.odradek.domain.port.RecordBatchFormat;
import io.odradek.domain.port.RecordBatchWriter;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.ApiVersionsRequest;
import io.odradek.domain.protocol.InitProducerIdRequest;
import io.odradek.domain.protocol.MetadataRequest;
import io.odradek.domain.protocol.ProduceRequest;
import io.odradek.domain.protocol.ProduceRequest.PartitionData;
import io.odradek.domain.protocol.ProduceRequest.TopicData;
import io.odradek.domain.protocol.RequestHeader;

/** What we encode, Kafka's own generated message classes must parse to the same values, at every version. */
class RequestsParsedByKafkaTest {
    private static final String CLIENT_ID = "odradek-producer-1-é";
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

    private ParsedRequest encodeAndParse(ApiKey apiKey, int version, int correlationId,
                                         io.odradek.domain.protocol.Request request) {
        RequestHeader header = new RequestHeader(apiKey, (short) version, correlationId, CLIENT_ID);
        ParsedRequest parsed = KafkaFrames.parseRequest(protocol.encodeRequest(header, request));
        assertThat(parsed.header().apiKey()).isEqualTo(ApiKeys.forId(apiKey.id()));
        assertThat(parsed.header().apiVersion()).isEqualTo((short) version);
        assertThat(parsed.header().correlationId()).isEqualTo(correlationId);
        assertThat(parsed.header().clientId()).isEqualTo(CLIENT_ID);
        return parsed;
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("apiVersionsVersions")
    void apiVersionsRequestParsesWithClientSoftwareFromV3(int version) {
        ParsedRequest parsed = encodeAndParse(ApiKey.API_VERSIONS, version, 7,
                new ApiVersionsRequest("odradek-java", "0.1.0-SNAPSHOT"));
        ApiVersionsRequestData data = new ApiVersionsRequestData(new ByteBufferAccessor(parsed.body()), (short) version);
        assertThat(parsed.body().remaining()).isZero();
        if (version >= 3) {
            assertThat(data.clientSoftwareName()).isEqualTo("odradek-java");
            assertThat(data.clientSoftwareVersion()).isEqualTo("0.1.0-SNAPSHOT");
        } else {
            assertThat(data.clientSoftwareName()).isEmpty();
        }
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("metadataVersions")
    void metadataRequestNamesTopicsAndAutoCreation(int version) {
        ParsedRequest parsed = encodeAndParse(ApiKey.METADATA, version, 123456,
                new MetadataRequest(List.of("orders", "paiements-€"), false));
        MetadataRequestData data = new MetadataRequestData(new ByteBufferAccessor(parsed.body()), (short) version);
        assertThat(parsed.body().remaining()).isZero();
        assertThat(data.topics()).extracting(MetadataRequestData.MetadataRequestTopic::name)
                .containsExactly("orders", "paiements-€");
        assertThat(data.topics()).extracting(MetadataRequestData.MetadataRequestTopic::topicId)
                .containsOnly(Uuid.ZERO_UUID);
        assertThat(data.allowAutoTopicCreation()).isFalse();
        assertThat(data.includeTopicAuthorizedOperations()).isFalse();
    }

    @Test
    void metadataRequestCanAllowAutoTopicCreation() {
        ParsedRequest parsed = encodeAndParse(ApiKey.METADATA, 12, 1, new MetadataRequest(List.of("t"), true));
        assertThat(new MetadataRequestData(new ByteBufferAccessor(parsed.body()), (short) 12)
                .allowAutoTopicCreation()).isTrue();
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("initProducerIdVersions")
    void initProducerIdRequestCarriesCurrentIdentityFromV3(int version) {
        ParsedRequest parsed = encodeAndParse(ApiKey.INIT_PRODUCER_ID, version, -5,
                new InitProducerIdRequest("tx-1", 60_000, 4242L, (short) 7));
        InitProducerIdRequestData data =
                new InitProducerIdRequestData(new ByteBufferAccessor(parsed.body()), (short) version);
        assertThat(parsed.body().remaining()).isZero();
        assertThat(data.transactionalId()).isEqualTo("tx-1");
        assertThat(data.transactionTimeoutMs()).isEqualTo(60_000);
        assertThat(data.producerId()).isEqualTo(version >= 3 ? 4242L : -1L);
        assertThat(data.producerEpoch()).isEqualTo((short) (version >= 3 ? 7 : -1));
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("initProducerIdVersions")
    void initProducerIdRequestWithoutTransactionalIdSendsNull(int version) {
        ParsedRequest parsed = encodeAndParse(ApiKey.INIT_PRODUCER_ID, version, 1,
                new InitProducerIdRequest(null, 30_000, -1L, (short) -1));
        InitProducerIdRequestData data =
                new InitProducerIdRequestData(new ByteBufferAccessor(parsed.body()), (short) version);
        assertThat(data.transactionalId()).isNull();
        assertThat(data.producerId()).isEqualTo(-1L);
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("produceVersions")
    void produceRequestCarriesEveryBatchUnchanged(int version) {
        ByteBuffer batchA = batch(ByteBuffer.allocate(256), "a");
        ByteBuffer batchB = batch(ByteBuffer.allocateDirect(256), "b");
        ByteBuffer batchC = batch(ByteBuffer.allocate(256), "c");
        ProduceRequest request = new ProduceRequest("tx-9", (short) -1, 30_000, List.of(
                new TopicData("orders", List.of(new PartitionData(0, batchA), new PartitionData(3, batchB))),
                new TopicData("events", List.of(new PartitionData(1, batchC)))));

        ParsedRequest parsed = encodeAndParse(ApiKey.PRODUCE, version, 99, request);
        ProduceRequestData data = new ProduceRequestData(new ByteBufferAccessor(parsed.body()), (short) version);

        assertThat(parsed.body().remaining()).isZero();
        assertThat(data.transactionalId()).isEqualTo("tx-9");
        assertThat(data.acks()).isEqualTo((short) -1);
        assertThat(data.timeoutMs()).isEqualTo(30_000);
        List<ProduceRequestData.TopicProduceData> topics = List.copyOf(data.topicData());
        assertThat(topics).extracting(ProduceRequestData.TopicProduceData::name).containsExactly("orders", "events");
        assertThat(topics.get(0).partitionData()).extracting(ProduceRequestData.PartitionProduceData::index)
                .containsExactly(0, 3);
        assertThat(recordsOf(topics.get(0).partitionData().get(0))).isEqualTo(batchA);
        assertThat(recordsOf(topics.get(0).partitionData().get(1))).isEqualTo(batchB);
        assertThat(recordsOf(topics.get(1).partitionData().get(0))).isEqualTo(batchC);
        MemoryRecords records = (MemoryRecords) topics.get(0).partitionData().get(1).records();
        RecordBatch kafkaBatch = records.batches().iterator().next();
        kafkaBatch.ensureValid();
        assertThat(kafkaBatch.producerId()).isEqualTo(77L);
    }

    @Test
    void produceRequestSharesBatchBuffersInsteadOfCopying() {
        ByteBuffer heapBatch = batch(ByteBuffer.allocate(256), "a");
        ByteBuffer directBatch = batch(ByteBuffer.allocateDirect(256), "b");
        ProduceRequest request = new ProduceRequest(null, (short) 1, 1000, List.of(
                new TopicData("t", List.of(new PartitionData(0, heapBatch), new PartitionData(1, directBatch)))));
        ByteBuffer[] frame = protocol.encodeRequest(new RequestHeader(ApiKey.PRODUCE, (short) 12, 1, "c"), request);

        assertThat(frame).hasSize(5);
        assertThat(frame[1]).isNotSameAs(heapBatch);
        assertThat(frame[1].array()).isSameAs(heapBatch.array());
        assertThat(frame[3].isDirect()).isTrue();
        assertThat(frame[3]).isEqualTo(directBatch);
        assertThat(heapBatch.position()).isZero();
        assertThat(directBatch.position()).isZero();
        // Consuming the frame (as a socket write does) leaves the caller's batch ready to send again.
        KafkaFrames.concat(frame);
        for (ByteBuffer part : frame) {
            part.position(part.limit());
        }
        assertThat(heapBatch.remaining()).isPositive();
        assertThat(directBatch.remaining()).isPositive();
    }

    @Test
    void refusesVersionsOutsideOurRanges() {
        assertThatThrownBy(() -> protocol.encodeRequest(new RequestHeader(ApiKey.PRODUCE, (short) 13, 1, "c"),
                new ProduceRequest(null, (short) 1, 1000, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v13");
        assertThatThrownBy(() -> protocol.encodeRequest(new RequestHeader(ApiKey.METADATA, (short) 3, 1, "c"),
                new MetadataRequest(List.of(), false)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headerWithNullClientIdParses() {
        RequestHeader header = new RequestHeader(ApiKey.METADATA, (short) 12, 3, null);
        ParsedRequest parsed = KafkaFrames.parseRequest(
                protocol.encodeRequest(header, new MetadataRequest(List.of("t"), true)));
        assertThat(parsed.header().correlationId()).isEqualTo(3);
        assertThat(new MetadataRequestData(new ByteBufferAccessor(parsed.body()), (short) 12).topics()).hasSize(1);
    }

    private ByteBuffer batch(ByteBuffer buffer, String value) {
        RecordBatchFormat format = protocol.recordBatchFormat();
        RecordBatchWriter writer = format.newWriter(buffer, 1_000L);
        writer.append(1_000L, null, value.getBytes(), Headers.empty());
        writer.append(1_001L, "k".getBytes(), value.getBytes(), Headers.empty());
        ByteBuffer batch = writer.close(null, 0, null);
        format.stampProducerIdentity(batch, 77L, (short) 1, 0, true);
        return batch;
    }

    private static ByteBuffer recordsOf(ProduceRequestData.PartitionProduceData partition) {
        return ((MemoryRecords) partition.records()).buffer();
    }
}
