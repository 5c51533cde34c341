package io.odradek.codec;

import java.nio.ByteBuffer;

import io.odradek.codec.api.ApiSupport;
import io.odradek.codec.api.KafkaApis;
import io.odradek.codec.records.KafkaRecordBatchFormat;
import io.odradek.domain.port.RecordBatchFormat;
import io.odradek.domain.port.WireProtocol;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.Request;
import io.odradek.domain.protocol.RequestHeader;
import io.odradek.domain.protocol.Response;
import io.odradek.domain.protocol.VersionRange;

/**
 * The Kafka wire protocol adapter, found with {@link java.util.ServiceLoader}. Speaks ApiVersions v0-3,
 * Metadata v4-12, InitProducerId v0-5 and Produce v3-12, with RecordBatch v2; for transactions FindCoordinator
 * v1-6, AddPartitionsToTxn v0-3, AddOffsetsToTxn v0-4, TxnOffsetCommit v0-5 and EndTxn v0-5; for authentication
 * SaslHandshake v0-1 and SaslAuthenticate v0-2. Stateless and thread-safe.
 *
 * <p>Produce v12, TxnOffsetCommit v5 and EndTxn v5 mean "this transaction runs transactions v2" (KIP-890) to the
 * broker: the domain must cap them at v11, v4 and v4 unless {@code transaction.version} >= 2 is finalized, rather
 * than take the highest version both sides speak.
 */
public final class KafkaWireProtocol implements WireProtocol {
    private final RecordBatchFormat recordBatchFormat = new KafkaRecordBatchFormat();

    @Override
    public RecordBatchFormat recordBatchFormat() {
        return recordBatchFormat;
    }

    @Override
    public VersionRange supportedVersions(ApiKey apiKey) {
        return ApiSupport.versions(apiKey);
    }

    @Override
    public ByteBuffer[] encodeRequest(RequestHeader header, Request request) {
        return KafkaApis.encode(header, request);
    }

    @Override
    public Response decodeResponse(RequestHeader header, ByteBuffer frame) {
        return KafkaApis.decode(header, frame);
    }
}
