package io.odradek.domain.sender;

/**
 * The step a connection passes after its versions are negotiated and before it carries requests: SASL when
 * the protocol uses it, nothing otherwise. It ends with {@link RequestChannel#authenticated}, or fails the
 * producer with an {@link io.odradek.api.AuthenticationException}. I/O thread only.
 */
interface ConnectionAuthentication {

    /** Authenticates {@code connection}, the first time or again when its session is due for renewal. */
    void begin(RequestChannel channel, NodeConnection connection, long nowNs);

    /** No authentication: the connection is ready as soon as its versions are known, for good. */
    ConnectionAuthentication NONE = (channel, connection, nowNs) -> channel.authenticated(connection, Long.MAX_VALUE);
}
