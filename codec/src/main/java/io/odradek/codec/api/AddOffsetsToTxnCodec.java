package io.odradek.codec.api;

import io.odradek.codec.wire.ByteReader;
import io.odradek.codec.wire.ByteWriter;
import io.odradek.domain.protocol.AddOffsetsToTxnRequest;
import io.odradek.domain.protocol.AddOffsetsToTxnResponse;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.VersionRange;

/**
 * AddOffsetsToTxn v0..v4 (v3+ flexible): every version Kafka 3.9 and 4.1 accept; KIP-896 removed none and the
 * layout never changed apart from flexibility. Newer versions only allow newer error codes: PRODUCER_FENCED
 * from v2 (INVALID_PRODUCER_EPOCH below), TRANSACTION_ABORTABLE from v4 (KIP-890). With transactions v2 the
 * producer skips this call: TxnOffsetCommit v5 adds the group to the transaction itself.
 */
final class AddOffsetsToTxnCodec extends ApiCodec<AddOffsetsToTxnRequest, AddOffsetsToTxnResponse> {
    AddOffsetsToTxnCodec() {
        super(ApiKey.ADD_OFFSETS_TO_TXN, VersionRange.of(0, 4), 3, AddOffsetsToTxnRequest.class);
    }

    @Override
    void encodeBody(ByteWriter out, short version, AddOffsetsToTxnRequest request) {
        boolean flexible = isFlexible(version);
        out.requiredString(request.transactionalId(), flexible);
        out.int64(request.producerId());
        out.int16(request.producerEpoch());
        out.requiredString(request.groupId(), flexible);
        if (flexible) {
            out.noTaggedFields();
        }
    }

    @Override
    AddOffsetsToTxnResponse decode(ByteReader in, short version) {
        int throttleTimeMs = in.int32();
        short errorCode = in.int16();
        if (isFlexible(version)) {
            in.skipTaggedFields();
        }
        return new AddOffsetsToTxnResponse(errorCode, throttleTimeMs);
    }
}
