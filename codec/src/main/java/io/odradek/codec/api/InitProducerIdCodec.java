package io.odradek.codec.api;

import io.odradek.codec.wire.ByteReader;
import io.odradek.codec.wire.ByteWriter;
import io.odradek.domain.protocol.InitProducerIdRequest;
import io.odradek.domain.protocol.InitProducerIdResponse;

/**
 * InitProducerId v0..v5 (v2+ flexible). Below v3 the request cannot carry the current producer id and
 * epoch, so a KIP-360 epoch bump is impossible there and the broker hands out a new id instead: the
 * domain must not count on a bump against such brokers.
 */
final class InitProducerIdCodec {
    private InitProducerIdCodec() {
    }

    static void encode(ByteWriter out, short version, InitProducerIdRequest request) {
        boolean flexible = version >= 2;
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

    static InitProducerIdResponse decode(ByteReader in, short version) {
        int throttleTimeMs = in.int32();
        short errorCode = in.int16();
        long producerId = in.int64();
        short producerEpoch = in.int16();
        if (version >= 2) {
            in.skipTaggedFields();
        }
        return new InitProducerIdResponse(errorCode, producerId, producerEpoch, throttleTimeMs);
    }
}
