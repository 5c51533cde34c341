package io.odradek.domain.protocol;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Record batches for partitions led by one broker.
 *
 * @param acks            0, 1 or -1 (all)
 * @param transactionalId null unless the producer is transactional
 */
public record ProduceRequest(String transactionalId, short acks, int timeoutMs, List<TopicData> topics)
        implements Request {

    @Override
    public ApiKey apiKey() {
        return ApiKey.PRODUCE;
    }

    public record TopicData(String topic, List<PartitionData> partitions) {
    }

    /** @param records one closed, stamped record batch, position 0 to limit; the codec must not modify it */
    public record PartitionData(int partition, ByteBuffer records) {
    }
}
