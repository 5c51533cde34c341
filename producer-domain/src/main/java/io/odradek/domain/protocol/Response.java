package io.odradek.domain.protocol;

/** A decoded response body, in domain terms. */
public sealed interface Response
        permits ApiVersionsResponse, MetadataResponse, InitProducerIdResponse, ProduceResponse,
        FindCoordinatorResponse, AddPartitionsToTxnResponse, AddOffsetsToTxnResponse, TxnOffsetCommitResponse,
        EndTxnResponse, SaslHandshakeResponse, SaslAuthenticateResponse {
    /** How long the broker asks us to hold back because of a quota, 0 if not at all. */
    int throttleTimeMs();
}
