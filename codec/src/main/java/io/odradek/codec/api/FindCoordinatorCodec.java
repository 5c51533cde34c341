package io.odradek.codec.api;

import io.odradek.codec.wire.ByteReader;
import io.odradek.codec.wire.ByteWriter;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.FindCoordinatorRequest;
import io.odradek.domain.protocol.FindCoordinatorResponse;
import io.odradek.domain.protocol.VersionRange;

/**
 * FindCoordinator v1..v6 (v3+ flexible). The minimum is v1, not v0 which Kafka 3.9 and 4.1 still accept: v0 has
 * no KeyType, so it can only find a group's coordinator, and a transactional producer must find its transaction
 * coordinator. From v4 (KIP-699) the request carries a batch of keys and the answer one coordinator per key; we
 * always ask for exactly one key, so the answer must hold exactly one entry, and any other count is a malformed
 * answer (Kafka's client refuses it as well). v5 only allows TRANSACTION_ABORTABLE (KIP-890) and v6 only adds
 * the SHARE key type (KIP-932), which a producer never asks for: same layout as v4.
 */
final class FindCoordinatorCodec extends ApiCodec<FindCoordinatorRequest, FindCoordinatorResponse> {
    private static final int FIRST_BATCHED_VERSION = 4;

    FindCoordinatorCodec() {
        super(ApiKey.FIND_COORDINATOR, VersionRange.of(1, 6), 3, FindCoordinatorRequest.class);
    }

    @Override
    void encodeBody(ByteWriter out, short version, FindCoordinatorRequest request) {
        boolean flexible = isFlexible(version);
        if (version < FIRST_BATCHED_VERSION) {
            out.requiredString(request.key(), flexible);
        }
        out.int8(request.type().wireValue());
        if (version >= FIRST_BATCHED_VERSION) {
            out.arrayLength(1, flexible);
            out.requiredString(request.key(), flexible);
        }
        if (flexible) {
            out.noTaggedFields();
        }
    }

    @Override
    FindCoordinatorResponse decode(ByteReader in, short version) {
        int throttleTimeMs = in.int32();
        return version < FIRST_BATCHED_VERSION
                ? decodeSingleKey(in, isFlexible(version), throttleTimeMs)
                : decodeOneOfBatch(in, throttleTimeMs);
    }

    private static FindCoordinatorResponse decodeSingleKey(ByteReader in, boolean flexible, int throttleTimeMs) {
        short errorCode = in.int16();
        String errorMessage = in.string(flexible);
        int nodeId = in.int32();
        String host = in.requiredString(flexible);
        int port = in.int32();
        if (flexible) {
            in.skipTaggedFields();
        }
        return new FindCoordinatorResponse(errorCode, errorMessage, nodeId, host, port, throttleTimeMs);
    }

    /** v4+ (always flexible): the Coordinators list, which must answer our one key with one entry. */
    private static FindCoordinatorResponse decodeOneOfBatch(ByteReader in, int throttleTimeMs) {
        // Key, node id, host, port, error code, error message, tags: 14 bytes at the least.
        int count = in.arrayLength(true, 14);
        if (count != 1) {
            in.fail("FindCoordinator answered " + count + " coordinators to our one key");
        }
        in.requiredString(true); // the key: the one we asked about, as the correlation id already says
        int nodeId = in.int32();
        String host = in.requiredString(true);
        int port = in.int32();
        short errorCode = in.int16();
        String errorMessage = in.string(true);
        in.skipTaggedFields(); // the entry's
        in.skipTaggedFields(); // the response's
        return new FindCoordinatorResponse(errorCode, errorMessage, nodeId, host, port, throttleTimeMs);
    }
}
