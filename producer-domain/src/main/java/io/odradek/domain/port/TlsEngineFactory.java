package io.odradek.domain.port;

import javax.net.ssl.SSLEngine;

/**
 * TLS for a transport: client-mode engines configured from the producer's {@code ssl.*} settings (protocols,
 * cipher suites, trust and key material, the host-name check), built in one place for every transport.
 * Thread-safe.
 */
public interface TlsEngineFactory {

    /**
     * A client-mode engine for a connection to {@code host:port}; the host is what the broker's certificate is
     * checked against (and the SNI name when it is a name, not an address).
     */
    SSLEngine newClientEngine(String host, int port);

    /**
     * What a failed handshake means for the user, e.g. "the broker's certificate is not trusted" or "does not
     * name host x": the reason the transport hands to {@link NetworkHandler#onTlsHandshakeFailed}.
     */
    String describeHandshakeFailure(String address, Throwable failure);
}
