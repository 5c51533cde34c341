package io.odradek.codec.api;

import java.nio.ByteBuffer;

import io.odradek.codec.wire.ByteReader;
import io.odradek.codec.wire.ByteWriter;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.ProduceRequest;
import io.odradek.domain.protocol.ProduceResponse;
import io.odradek.domain.protocol.RequestHeader;
import io.odradek.domain.protocol.VersionRange;

/** Produce v3..v12 (v9+ flexible): a gather list around the record batches, see {@link ProduceRequestEncoder}. */
final class ProduceCodec extends ApiCodec<ProduceRequest, ProduceResponse> {
    ProduceCodec() {
        // v13 names topics by id: not yet.
        super(ApiKey.PRODUCE, VersionRange.of(3, 12), 9, ProduceRequest.class);
    }

    @Override
    ByteBuffer[] encodeFrame(RequestHeader header, ProduceRequest request) {
        return ProduceRequestEncoder.encode(header, request);
    }

    @Override
    void encodeBody(ByteWriter out, short version, ProduceRequest request) {
        throw new UnsupportedOperationException("Produce frames are gathered around their batches, never copied");
    }

    @Override
    ProduceResponse decode(ByteReader in, short version) {
        return new ProduceResponseDecoder(in, version).decode();
    }
}
