package io.odradek.domain.sender;

import io.odradek.domain.idempotence.ProducerIdentity;
import io.odradek.domain.protocol.InitProducerIdRequest;
import io.odradek.domain.protocol.InitProducerIdResponse;
import io.odradek.domain.protocol.Response;

/** Gets the idempotent producer its id: InitProducerId to any broker, retried after a backoff on failure. */
final class ProducerIdExchange implements Exchange, ResponseHandler {
    private final ProducerIdentity identity;
    private final RequestChannel channel;
    /** As {@link MetadataExchange}'s: a due request waiting for a connection is woken by the connection. */
    private boolean waitsForConnection;

    ProducerIdExchange(ProducerIdentity identity, RequestChannel channel) {
        this.identity = identity;
        this.channel = channel;
    }

    @Override
    public void poll(long nowNs) {
        waitsForConnection = false;
        if (identity.nextInitAttemptNs() > nowNs) {
            return;
        }
        NodeConnection connection = channel.anyReady(nowNs);
        if (connection == null) {
            waitsForConnection = true;
            return;
        }
        InitProducerIdRequest request = identity.initRequest(nowNs);
        if (request != null) {
            channel.send(connection, request, this, nowNs);
        }
    }

    @Override
    public long nextWakeUpNs() {
        return waitsForConnection ? Long.MAX_VALUE : identity.nextInitAttemptNs();
    }

    @Override
    public void onResponse(Response response, long nowNs) {
        identity.onInitResponse((InitProducerIdResponse) response, nowNs);
    }

    @Override
    public void onFailure(String reason, long nowNs) {
        identity.onInitFailed(nowNs);
    }
}
