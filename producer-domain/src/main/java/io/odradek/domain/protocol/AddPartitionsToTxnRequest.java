package io.odradek.domain.protocol;

import java.util.List;

/** Adds partitions to the producer's open transaction (transactions v1; v2 adds them with Produce itself). */
public record AddPartitionsToTxnRequest(String transactionalId, long producerId, short producerEpoch,
                                        List<Topic> topics) implements Request {
    @Override
    public ApiKey apiKey() {
        return ApiKey.ADD_PARTITIONS_TO_TXN;
    }

    public record Topic(String name, List<Integer> partitions) {
    }
}
