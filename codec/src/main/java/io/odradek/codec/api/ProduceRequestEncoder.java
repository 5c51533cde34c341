package io.odradek.codec.api;

import java.nio.ByteBuffer;
import java.util.List;

import io.odradek.codec.wire.ByteWriter;
import io.odradek.domain.protocol.ProduceRequest;
import io.odradek.domain.protocol.ProduceRequest.PartitionData;
import io.odradek.domain.protocol.ProduceRequest.TopicData;
import io.odradek.domain.protocol.RequestHeader;

/**
 * Produce v3..v12 (v9+ flexible). The frame is a gather list: the small parts (size, header, topic and
 * partition fields) go into one heap array, sized up front so it never grows, and each partition's record
 * batch sits between two slices of it as a duplicate of the caller's buffer — never copied.
 */
final class ProduceRequestEncoder {
    private ProduceRequestEncoder() {
    }

    static ByteBuffer[] encode(RequestHeader header, ProduceRequest request) {
        short version = header.apiVersion();
        boolean flexible = version >= 9;
        List<TopicData> topics = request.topics();
        int partitionCount = 0;
        int capacity = 4 + RequestHeaderCodec.maxSizeBytes(header) + maxStringBytes(request.transactionalId())
                + 2 + 4 + 5 + 1;
        for (int t = 0; t < topics.size(); t++) {
            TopicData topic = topics.get(t);
            int partitions = topic.partitions().size();
            partitionCount += partitions;
            capacity += maxStringBytes(topic.topic()) + 5 + 1 + partitions * (4 + 5 + 1);
        }

        ByteWriter out = new ByteWriter(capacity);
        out.int32(0); // size, filled in below
        RequestHeaderCodec.write(out, header, flexible);
        out.string(request.transactionalId(), flexible);
        out.int16(request.acks()).int32(request.timeoutMs());

        // Where each batch goes in the small-parts array, and the batches themselves.
        int[] cuts = new int[partitionCount];
        ByteBuffer[] batches = new ByteBuffer[partitionCount];
        long recordBytes = 0;
        int p = 0;
        out.arrayLength(topics.size(), flexible);
        for (int t = 0; t < topics.size(); t++) {
            TopicData topic = topics.get(t);
            out.string(requireTopic(topic.topic()), flexible);
            List<PartitionData> partitions = topic.partitions();
            out.arrayLength(partitions.size(), flexible);
            for (int i = 0; i < partitions.size(); i++) {
                PartitionData partition = partitions.get(i);
                ByteBuffer records = partition.records();
                int length = records == null ? -1 : records.remaining();
                out.int32(partition.partition());
                if (flexible) {
                    out.unsignedVarint(length + 1);
                } else {
                    out.int32(length);
                }
                cuts[p] = out.position();
                batches[p] = records == null ? null : records.duplicate();
                recordBytes += Math.max(length, 0);
                p++;
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
        long frameBytes = out.position() - 4L + recordBytes;
        if (frameBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("produce request of " + frameBytes + " bytes is too large");
        }
        out.putInt(0, (int) frameBytes);
        return gather(out, cuts, batches);
    }

    private static ByteBuffer[] gather(ByteWriter out, int[] cuts, ByteBuffer[] batches) {
        int nonNull = 0;
        for (ByteBuffer batch : batches) {
            if (batch != null) {
                nonNull++;
            }
        }
        ByteBuffer[] frame = new ByteBuffer[2 * nonNull + 1];
        byte[] array = out.array();
        int from = 0;
        int f = 0;
        for (int i = 0; i < batches.length; i++) {
            if (batches[i] == null) {
                continue; // a null batch is only its -1 length, already in the array
            }
            frame[f++] = ByteBuffer.wrap(array, from, cuts[i] - from).slice();
            frame[f++] = batches[i];
            from = cuts[i];
        }
        frame[f] = ByteBuffer.wrap(array, from, out.position() - from).slice();
        return frame;
    }

    private static int maxStringBytes(String s) {
        return 5 + (s == null ? 0 : 3 * s.length());
    }

    private static String requireTopic(String topic) {
        if (topic == null) {
            throw new IllegalArgumentException("produce request with a null topic name");
        }
        return topic;
    }
}
