package io.odradek.codec.api;

import io.odradek.codec.wire.ByteReader;
import io.odradek.codec.wire.ByteWriter;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.InitProducerIdRequest;
import io.odradek.domain.protocol.InitProducerIdResponse;
import io.odradek.domain.protocol.VersionRange;

/**
 * InitProducerId v0..v5 (v2+ flexible). Below v3 the request cannot carry the current producer id and
 * epoch, so a KIP-360 epoch bump is impossible there and the broker hands out a new id instead: the
 * domain must not count on a bump against such brokers.
 */
final class InitProducerIdCodec extends ApiCodec<InitProducerIdRequest, InitProducerIdResponse> {
    InitProducerIdCodec() {
        // v6 (KIP-939 two-phase commit) is unstable in 4.1: not yet.
        super(ApiKey.INIT_PRODUCER_ID, VersionRange.of(0, 5), 2, InitProducerIdRequest.class);
    }

    @Override
    void encodeBody(ByteWriter out, short version, InitProducerIdRequest request) {
        boolean flexible = isFlexible(version);
        out.string(request.transactionalId(), flexible);
        out.int32(request.transactionTimeoutMs());
        if (version >= 3) {
            out.int64(request.producerId());
            out.int16(request.producerEpoch());
        }
        if (flexible) {
            out.noTaggedFields();
        }
    }

    @Override
    InitProducerIdResponse decode(ByteReader in, short version) {
        int throttleTimeMs = in.int32();
        short errorCode = in.int16();
        long producerId = in.int64();
        short producerEpoch = in.int16();
        if (isFlexible(version)) {
            in.skipTaggedFields();
        }
        return new InitProducerIdResponse(errorCode, producerId, producerEpoch, throttleTimeMs);
    }
}
