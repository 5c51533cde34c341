package io.odradek.domain.sender;

import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import io.odradek.api.SaslAuthenticationException;
import io.odradek.domain.log.ProducerLog;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.KafkaError;
import io.odradek.domain.protocol.Response;
import io.odradek.domain.protocol.SaslAuthenticateRequest;
import io.odradek.domain.protocol.SaslAuthenticateResponse;
import io.odradek.domain.protocol.SaslHandshakeRequest;
import io.odradek.domain.protocol.SaslHandshakeResponse;
import io.odradek.domain.security.SaslConversation;

/**
 * SASL over Kafka requests: SaslHandshake v1 names the mechanism, then SaslAuthenticate carries the
 * mechanism's messages until it is done (KIP-152). The broker's session lifetime (KIP-368) sets when the
 * connection authenticates again, at 85-95% of it as Kafka's client does, so sessions of many connections do
 * not all renew at once. A refusal fails the producer: the same credentials would be refused again.
 */
final class SaslAuthentication implements ConnectionAuthentication {
    /** Kafka's client renews after 85% of the session plus up to 10% jitter (SaslClientAuthenticator). */
    private static final double RENEW_AT_FRACTION = 0.85;
    private static final double RENEW_JITTER_FRACTION = 0.10;

    private final String mechanism;
    private final Supplier<SaslConversation> conversations;
    private final RandomGenerator random;
    private final ProducerLog log;

    SaslAuthentication(String mechanism, Supplier<SaslConversation> conversations, RandomGenerator random,
                       ProducerLog log) {
        this.log = log;
        this.mechanism = mechanism;
        this.conversations = conversations;
        this.random = random;
    }

    @Override
    public void begin(RequestChannel channel, NodeConnection connection, long nowNs) {
        if (connection.version(ApiKey.SASL_HANDSHAKE) < 1 || connection.version(ApiKey.SASL_AUTHENTICATE) < 0) {
            throw new SaslAuthenticationException("Broker " + connection.node() + " does not speak SaslHandshake v1"
                    + " and SaslAuthenticate (Kafka 1.0 and later do)");
        }
        if (connection.authenticatedBefore()) {
            log.debug("Re-authenticating the connection to {} before its SASL session expires", connection.node());
        }
        connection.authenticating();
        channel.send(connection, new SaslHandshakeRequest(mechanism), new Handshake(channel, connection), nowNs);
    }

    private long renewAtNs(long nowNs, long sessionLifetimeMs) {
        if (sessionLifetimeMs <= 0) {
            return Long.MAX_VALUE;
        }
        double fraction = RENEW_AT_FRACTION + random.nextDouble() * RENEW_JITTER_FRACTION;
        return nowNs + (long) (sessionLifetimeMs * fraction) * 1_000_000L;
    }

    private final class Handshake implements ResponseHandler {
        private final RequestChannel channel;
        private final NodeConnection connection;

        Handshake(RequestChannel channel, NodeConnection connection) {
            this.channel = channel;
            this.connection = connection;
        }

        @Override
        public void onResponse(Response response, long nowNs) {
            SaslHandshakeResponse handshake = (SaslHandshakeResponse) response;
            if (handshake.errorCode() == KafkaError.UNSUPPORTED_SASL_MECHANISM) {
                throw new SaslAuthenticationException("Broker " + connection.node() + " does not enable SASL mechanism "
                        + mechanism + " on this listener (sasl.mechanism); it enables " + handshake.mechanisms());
            }
            if (handshake.errorCode() != KafkaError.NONE) {
                throw new SaslAuthenticationException("SaslHandshake with broker " + connection.node() + " failed with "
                        + KafkaError.forCode(handshake.errorCode()));
            }
            SaslConversation conversation = conversations.get();
            channel.send(connection, new SaslAuthenticateRequest(conversation.start()),
                    new Authenticate(channel, connection, conversation), nowNs);
        }

        @Override
        public void onFailure(String reason, long nowNs) {
            // The connection is gone; the next one authenticates again.
        }
    }

    private final class Authenticate implements ResponseHandler {
        private final RequestChannel channel;
        private final NodeConnection connection;
        private final SaslConversation conversation;

        Authenticate(RequestChannel channel, NodeConnection connection, SaslConversation conversation) {
            this.channel = channel;
            this.connection = connection;
            this.conversation = conversation;
        }

        @Override
        public void onResponse(Response response, long nowNs) {
            SaslAuthenticateResponse answer = (SaslAuthenticateResponse) response;
            if (answer.errorCode() != KafkaError.NONE) {
                throw new SaslAuthenticationException(conversation.mechanism() + " authentication of '"
                        + conversation.principal() + "' to broker " + connection.node() + " failed with "
                        + KafkaError.nameOf(answer.errorCode()) + (answer.errorMessage() == null ? ""
                        : ": " + answer.errorMessage()) + " (check the credentials in sasl.jaas.config)");
            }
            if (!conversation.isComplete()) {
                byte[] next = conversation.respond(answer.authBytes());
                if (next != null) {
                    channel.send(connection, new SaslAuthenticateRequest(next), this, nowNs);
                    return;
                }
            }
            long renewAtNs = renewAtNs(nowNs, answer.sessionLifetimeMs());
            log.debug("Authenticated to {} with {} as '{}'; session lifetime {} ms", connection.node(),
                    conversation.mechanism(), conversation.principal(), answer.sessionLifetimeMs());
            channel.authenticated(connection, renewAtNs);
        }

        @Override
        public void onFailure(String reason, long nowNs) {
            // The connection is gone; the next one authenticates again.
        }
    }
}
