package io.odradek.codec.api;

import java.util.List;

import io.odradek.codec.wire.ByteReader;
import io.odradek.codec.wire.ByteWriter;
import io.odradek.domain.protocol.AddPartitionsToTxnRequest;
import io.odradek.domain.protocol.AddPartitionsToTxnResponse;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.PartitionError;
import io.odradek.domain.protocol.VersionRange;

/**
 * AddPartitionsToTxn v0..v3 (v3 flexible): every version Kafka 3.9 and 4.1 still accept that a client may send.
 * v4 and v5 batch several transactions and are for brokers verifying a producer's partitions on its behalf
 * (the schema says so, and Kafka's own client stops at v3); with transactions v2 (KIP-890) the producer sends
 * no AddPartitionsToTxn at all, Produce adds the partitions. Below v2 a fenced producer hears
 * INVALID_PRODUCER_EPOCH instead of PRODUCER_FENCED.
 */
final class AddPartitionsToTxnCodec extends ApiCodec<AddPartitionsToTxnRequest, AddPartitionsToTxnResponse> {
    AddPartitionsToTxnCodec() {
        super(ApiKey.ADD_PARTITIONS_TO_TXN, VersionRange.of(0, 3), 3, AddPartitionsToTxnRequest.class);
    }

    @Override
    void encodeBody(ByteWriter out, short version, AddPartitionsToTxnRequest request) {
        boolean flexible = isFlexible(version);
        out.requiredString(request.transactionalId(), flexible);
        out.int64(request.producerId());
        out.int16(request.producerEpoch());
        out.arrayLength(request.topics().size(), flexible);
        for (AddPartitionsToTxnRequest.Topic topic : request.topics()) {
            out.requiredString(topic.name(), flexible);
            out.arrayLength(topic.partitions().size(), flexible);
            for (int partition : topic.partitions()) {
                out.int32(partition);
            }
            if (flexible) {
                out.noTaggedFields();
            }
        }
        if (flexible) {
            out.noTaggedFields();
        }
    }

    @Override
    AddPartitionsToTxnResponse decode(ByteReader in, short version) {
        boolean flexible = isFlexible(version);
        int throttleTimeMs = in.int32();
        List<PartitionError> results = PartitionErrors.decode(in, flexible);
        if (flexible) {
            in.skipTaggedFields();
        }
        return new AddPartitionsToTxnResponse(results, throttleTimeMs);
    }
}
