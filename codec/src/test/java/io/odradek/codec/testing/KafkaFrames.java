package io.odradek.codec.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.RequestUtils;

/** Glue between our frames and Kafka's own parsers and serializers. */
public final class KafkaFrames {
    private KafkaFrames() {
    }

    /** Joins a gather list into one buffer, as the socket would see it. */
    public static ByteBuffer concat(ByteBuffer[] parts) {
        int total = 0;
        for (ByteBuffer part : parts) {
            total += part.remaining();
        }
        ByteBuffer all = ByteBuffer.allocate(total);
        for (ByteBuffer part : parts) {
            all.put(part.duplicate());
        }
        return all.flip();
    }

    /** A parsed request: Kafka's header, and the buffer positioned at the body. */
    public record ParsedRequest(RequestHeader header, ByteBuffer body) {
    }

    /** Checks the size prefix covers exactly the rest, then parses the header with Kafka's parser. */
    public static ParsedRequest parseRequest(ByteBuffer[] parts) {
        ByteBuffer frame = concat(parts);
        int size = frame.getInt();
        assertThat(size).as("size prefix").isEqualTo(frame.remaining());
        RequestHeader header = RequestHeader.parse(frame);
        return new ParsedRequest(header, frame);
    }

    /** A response frame (without size prefix) as a Kafka broker would write it. */
    public static ByteBuffer responseFrame(int correlationId, ApiKeys apiKey, short version, ApiMessage body) {
        return responseFrame(correlationId, apiKey.responseHeaderVersion(version), body, version);
    }

    public static ByteBuffer responseFrame(int correlationId, short headerVersion, ApiMessage body, short version) {
        return RequestUtils.serialize(new ResponseHeaderData().setCorrelationId(correlationId), headerVersion,
                body, version);
    }
}
