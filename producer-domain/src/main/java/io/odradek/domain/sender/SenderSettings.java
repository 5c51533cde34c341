package io.odradek.domain.sender;

import java.util.List;
import java.util.Optional;

import io.odradek.api.security.SaslSettings;

import io.odradek.domain.log.LogContext;
import io.odradek.domain.metadata.Node;
import io.odradek.domain.port.CompressionCodec;

/**
 * The configuration the sender acts on, in its own units.
 *
 * @param acks        0, 1 or -1
 * @param compression null for none
 * @param log         who the sender's log lines say is speaking
 * @param sasl        present when every connection authenticates with SASL before it is ready
 */
public record SenderSettings(String clientId, List<Node> bootstrapNodes, short acks, long lingerNs,
                             long requestTimeoutNs, long deliveryTimeoutNs, int retries, long retryBackoffNs,
                             long retryBackoffMaxNs, long reconnectBackoffNs, long reconnectBackoffMaxNs,
                             int maxRequestSizeBytes, int maxInFlightPerConnection, CompressionCodec compression,
                             int compressionLevel, long maxBlockNs, long connectionSetupTimeoutNs,
                             LogContext log, Optional<SaslSettings> sasl) {
}
