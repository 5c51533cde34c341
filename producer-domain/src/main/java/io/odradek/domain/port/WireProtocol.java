package io.odradek.domain.port;

import java.nio.ByteBuffer;

import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.ProtocolException;
import io.odradek.domain.protocol.Request;
import io.odradek.domain.protocol.RequestHeader;
import io.odradek.domain.protocol.Response;
import io.odradek.domain.protocol.VersionRange;

/**
 * The Kafka wire protocol, as a port: the domain speaks in {@link Request}/{@link Response} values and the
 * codec adapter turns them into bytes and back. Implementations are stateless and thread-safe.
 */
public interface WireProtocol {

    /** How records are laid out in batches (RecordBatch v2). */
    RecordBatchFormat recordBatchFormat();

    /**
     * The versions of {@code apiKey} this codec can encode and decode, or null for an API it does not speak;
     * the domain negotiates within them.
     */
    VersionRange supportedVersions(ApiKey apiKey);

    /**
     * Encodes a whole request frame: 4-byte size, request header, body. Record batches in a Produce request
     * appear among the returned buffers as duplicates of the caller's buffers, not copies, so the caller
     * can send the same batch again later.
     */
    ByteBuffer[] encodeRequest(RequestHeader header, Request request);

    /**
     * Decodes a response frame (without its size prefix) to the request {@code header} described.
     *
     * @throws ProtocolException if the frame is malformed or its correlation id is not the header's
     */
    Response decodeResponse(RequestHeader header, ByteBuffer frame);
}
