package io.odradek.domain.port;

import java.util.Optional;

/**
 * What a transport needs to know from the producer's configuration.
 *
 * @param threadName            name for the I/O thread, e.g. {@code odradek-io-<client.id>}
 * @param sendBufferBytes       SO_SNDBUF, or -1 for the OS default
 * @param receiveBufferBytes    SO_RCVBUF, or -1 for the OS default
 * @param maxResponseSizeBytes  a response frame larger than this is a protocol error: close the connection
 * @param tls                   present when connections are wrapped in TLS ({@code SSL}, {@code SASL_SSL})
 * @param logPrefix             put before each line the transport logs: the producer's
 *                              {@code [Producer clientId=...] }
 */
public record TransportSettings(String threadName, int sendBufferBytes, int receiveBufferBytes,
                                int maxResponseSizeBytes, Optional<TlsEngineFactory> tls, String logPrefix) {

    /** Plaintext connections whose log lines have no prefix (a transport's own tests). */
    public TransportSettings(String threadName, int sendBufferBytes, int receiveBufferBytes, int maxResponseSizeBytes) {
        this(threadName, sendBufferBytes, receiveBufferBytes, maxResponseSizeBytes, Optional.empty(), "");
    }
}
