package io.odradek.codec.api;

import java.util.List;

import io.odradek.codec.wire.ByteReader;
import io.odradek.codec.wire.ByteWriter;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.PartitionError;
import io.odradek.domain.protocol.TxnOffsetCommitRequest;
import io.odradek.domain.protocol.TxnOffsetCommitResponse;
import io.odradek.domain.protocol.VersionRange;

/**
 * TxnOffsetCommit v0..v5 (v3+ flexible): every version Kafka 4.1 accepts (KIP-896 removed none); Kafka 3.9 stops
 * at v4. v2 adds each partition's leader epoch, which older versions drop (the schema marks it ignorable).
 *
 * <p>v3 adds the consumer's generation, member id and group instance id (KIP-447), which let the group
 * coordinator fence a zombie member. Below v3 they cannot be sent, and dropping them would silently lose that
 * fencing, so a request that carries them is refused at v0..v2 (Kafka's client refuses it too); only a request
 * without group metadata goes to such an old broker.
 *
 * <p>v5 tells the coordinator the transaction runs transactions v2 (KIP-890), in which this request also adds
 * the group to the transaction (no AddOffsetsToTxn first). In a transactions v1 transaction the sender must stop
 * at v4, as Kafka's client does, instead of taking the highest common version.
 */
final class TxnOffsetCommitCodec extends ApiCodec<TxnOffsetCommitRequest, TxnOffsetCommitResponse> {
    private static final int FIRST_LEADER_EPOCH_VERSION = 2;
    private static final int FIRST_GROUP_METADATA_VERSION = 3;
    private static final int NO_GENERATION = -1;

    TxnOffsetCommitCodec() {
        super(ApiKey.TXN_OFFSET_COMMIT, VersionRange.of(0, 5), 3, TxnOffsetCommitRequest.class);
    }

    @Override
    void encodeBody(ByteWriter out, short version, TxnOffsetCommitRequest request) {
        boolean flexible = isFlexible(version);
        out.requiredString(request.transactionalId(), flexible);
        out.requiredString(request.groupId(), flexible);
        out.int64(request.producerId());
        out.int16(request.producerEpoch());
        if (version >= FIRST_GROUP_METADATA_VERSION) {
            out.int32(request.generationId());
            out.requiredString(request.memberId(), flexible);
            out.string(request.groupInstanceId(), flexible);
        } else if (carriesGroupMetadata(request)) {
            throw new IllegalArgumentException("TxnOffsetCommit v" + version + " cannot carry the group's generation,"
                    + " member id or group instance id (KIP-447 needs v3+); sending without them loses fencing");
        }
        out.arrayLength(request.topics().size(), flexible);
        for (TxnOffsetCommitRequest.Topic topic : request.topics()) {
            out.requiredString(topic.name(), flexible);
            out.arrayLength(topic.partitions().size(), flexible);
            for (TxnOffsetCommitRequest.PartitionOffset partition : topic.partitions()) {
                out.int32(partition.partition());
                out.int64(partition.offset());
                if (version >= FIRST_LEADER_EPOCH_VERSION) {
                    out.int32(partition.leaderEpoch());
                }
                out.string(partition.metadata(), flexible);
                if (flexible) {
                    out.noTaggedFields();
                }
            }
            if (flexible) {
                out.noTaggedFields();
            }
        }
        if (flexible) {
            out.noTaggedFields();
        }
    }

    private static boolean carriesGroupMetadata(TxnOffsetCommitRequest request) {
        return request.generationId() != NO_GENERATION || !"".equals(request.memberId())
                || request.groupInstanceId() != null;
    }

    @Override
    TxnOffsetCommitResponse decode(ByteReader in, short version) {
        boolean flexible = isFlexible(version);
        int throttleTimeMs = in.int32();
        List<PartitionError> results = PartitionErrors.decode(in, flexible);
        if (flexible) {
            in.skipTaggedFields();
        }
        return new TxnOffsetCommitResponse(results, throttleTimeMs);
    }
}
