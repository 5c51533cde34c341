package io.odradek.codec.api;

import java.util.ArrayList;
import java.util.List;

import io.odradek.codec.wire.ByteReader;
import io.odradek.domain.protocol.PartitionError;

/**
 * The answer layout AddPartitionsToTxn (v0..v3) and TxnOffsetCommit share: topics, each with its partitions'
 * error codes. The domain wants one outcome per partition, so the nesting is flattened.
 */
final class PartitionErrors {
    // Name, partition array, tags; partition index, error code.
    private static final int MIN_TOPIC_BYTES = 3;
    private static final int MIN_PARTITION_BYTES = 6;

    private PartitionErrors() {
    }

    static List<PartitionError> decode(ByteReader in, boolean flexible) {
        List<PartitionError> results = new ArrayList<>();
        int topicCount = in.arrayLength(flexible, MIN_TOPIC_BYTES);
        for (int t = 0; t < topicCount; t++) {
            String topic = in.requiredString(flexible);
            int partitionCount = in.arrayLength(flexible, MIN_PARTITION_BYTES);
            for (int p = 0; p < partitionCount; p++) {
                int partition = in.int32();
                short errorCode = in.int16();
                if (flexible) {
                    in.skipTaggedFields();
                }
                results.add(new PartitionError(topic, partition, errorCode));
            }
            if (flexible) {
                in.skipTaggedFields();
            }
        }
        return List.copyOf(results);
    }
}
