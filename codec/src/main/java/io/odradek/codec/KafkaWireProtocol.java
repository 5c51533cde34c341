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
 * Metadata v4-12, InitProducerId v0-5 and Produce v3-12, with RecordBatch v2. Stateless and thread-safe.
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
