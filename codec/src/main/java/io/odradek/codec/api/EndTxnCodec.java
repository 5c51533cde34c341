package io.odradek.codec.api;

import io.odradek.codec.wire.ByteReader;
import io.odradek.codec.wire.ByteWriter;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.EndTxnRequest;
import io.odradek.domain.protocol.EndTxnResponse;
import io.odradek.domain.protocol.VersionRange;

/**
 * EndTxn v0..v5 (v3+ flexible): every version Kafka 4.1 accepts (KIP-896 removed none); Kafka 3.9 stops at v4.
 *
 * <p>v5 is not just a layout: sending it tells the coordinator this transaction runs transactions v2 (KIP-890),
 * which bumps the epoch at every commit and abort and answers with the producer id and epoch to use next. So the
 * highest common version is the wrong choice unless the cluster has finalized {@code transaction.version} >= 2;
 * in a transactions v1 transaction the sender must stop at v4, as Kafka's client does (its
 * {@code LAST_STABLE_VERSION_BEFORE_TRANSACTION_V2}).
 */
final class EndTxnCodec extends ApiCodec<EndTxnRequest, EndTxnResponse> {
    private static final int FIRST_TRANSACTIONS_V2_VERSION = 5;

    EndTxnCodec() {
        super(ApiKey.END_TXN, VersionRange.of(0, 5), 3, EndTxnRequest.class);
    }

    @Override
    void encodeBody(ByteWriter out, short version, EndTxnRequest request) {
        boolean flexible = isFlexible(version);
        out.requiredString(request.transactionalId(), flexible);
        out.int64(request.producerId());
        out.int16(request.producerEpoch());
        out.bool(request.committed());
        if (flexible) {
            out.noTaggedFields();
        }
    }

    @Override
    EndTxnResponse decode(ByteReader in, short version) {
        int throttleTimeMs = in.int32();
        short errorCode = in.int16();
        long producerId = -1L;
        short producerEpoch = -1;
        if (version >= FIRST_TRANSACTIONS_V2_VERSION) {
            producerId = in.int64();
            producerEpoch = in.int16();
        }
        if (isFlexible(version)) {
            in.skipTaggedFields();
        }
        return new EndTxnResponse(errorCode, producerId, producerEpoch, throttleTimeMs);
    }
}
