package io.odradek.domain.protocol;

/** A request body, in domain terms; the codec encodes each permitted type. */
public sealed interface Request
        permits ApiVersionsRequest, MetadataRequest, InitProducerIdRequest, ProduceRequest, FindCoordinatorRequest,
        AddPartitionsToTxnRequest, AddOffsetsToTxnRequest, TxnOffsetCommitRequest, EndTxnRequest, SaslHandshakeRequest,
        SaslAuthenticateRequest {
    ApiKey apiKey();
}
