package io.odradek.domain.fake;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.odradek.domain.port.RecordBatchFormat;
import io.odradek.domain.port.WireProtocol;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.ProtocolException;
import io.odradek.domain.protocol.Request;
import io.odradek.domain.protocol.RequestHeader;
import io.odradek.domain.protocol.Response;
import io.odradek.domain.protocol.VersionRange;

/**
 * A wire protocol that passes values instead of bytes: a request frame is only its size and correlation
 * id, and the request itself waits in a side table for the {@link FakeTransport} to hand to the
 * {@link FakeBroker}; responses travel the same way back.
 */
public final class FakeWireProtocol implements WireProtocol {
    static final VersionRange VERSIONS = VersionRange.of(0, 12);
    private static final int FRAME_SIZE_BYTES = 8;
    private static final byte GARBLED = (byte) 0xEE;

    private final FakeRecordBatchFormat format = new FakeRecordBatchFormat();
    private final Map<Integer, Sent> requests = new ConcurrentHashMap<>();
    private final Map<Integer, Response> responses = new ConcurrentHashMap<>();

    /** A request as the sender encoded it. */
    public record Sent(RequestHeader header, Request request) {
    }

    @Override
    public RecordBatchFormat recordBatchFormat() {
        return format;
    }

    @Override
    public VersionRange supportedVersions(ApiKey apiKey) {
        return VERSIONS;
    }

    @Override
    public ByteBuffer[] encodeRequest(RequestHeader header, Request request) {
        requests.put(header.correlationId(), new Sent(header, request));
        return new ByteBuffer[] {frame(header.correlationId())};
    }

    @Override
    public Response decodeResponse(RequestHeader header, ByteBuffer frame) {
        if (frame.remaining() > 4 && frame.get(frame.position() + 4) == GARBLED) {
            throw new ProtocolException("malformed " + header.apiKey() + " response: garbled on purpose by the test");
        }
        int correlationId = frame.getInt(frame.position());
        if (correlationId != header.correlationId()) {
            throw new ProtocolException("correlation id " + correlationId + " does not match the request's "
                    + header.correlationId());
        }
        Response response = responses.remove(correlationId);
        if (response == null) {
            throw new ProtocolException("no response stored for correlation id " + correlationId);
        }
        return response;
    }

    /** The request a frame written by {@link #encodeRequest} stands for; removes it from the side table. */
    Sent takeRequest(ByteBuffer[] buffers) {
        int correlationId = buffers[0].getInt(buffers[0].position() + 4);
        Sent sent = requests.remove(correlationId);
        if (sent == null) {
            throw new IllegalStateException("frame for unknown correlation id " + correlationId);
        }
        return sent;
    }

    /** Stores a response and returns the frame (without size prefix) that stands for it. */
    ByteBuffer responseFrame(int correlationId, Response response) {
        responses.put(correlationId, response);
        return ByteBuffer.allocate(4).putInt(0, correlationId);
    }

    /** A frame with the right correlation id whose body no decoder could make sense of. */
    static ByteBuffer garbledFrame(int correlationId) {
        return ByteBuffer.allocate(5).putInt(0, correlationId).put(4, GARBLED);
    }

    /** Forgets a response whose frame was lost on the way. */
    void discardResponse(int correlationId) {
        responses.remove(correlationId);
    }

    private static ByteBuffer frame(int correlationId) {
        ByteBuffer frame = ByteBuffer.allocate(FRAME_SIZE_BYTES);
        frame.putInt(0, FRAME_SIZE_BYTES - 4).putInt(4, correlationId);
        return frame;
    }
}
