package io.odradek.api.security;

/**
 * Where SASL/OAUTHBEARER tokens come from: your identity provider's client, a file a sidecar refreshes, a
 * test's fixed token. The producer asks for a token each time a connection authenticates or re-authenticates
 * (KIP-368), on its I/O thread, so an implementation should return a cached token and refresh it in the
 * background rather than block on the network.
 *
 * <pre>{@code
 * ProducerConfig config = ProducerConfig.builder()
 *         .bootstrapServers("broker:9093")
 *         .securityProtocol(SecurityProtocol.SASL_SSL)
 *         .saslOAuthBearer(() -> tokenCache.current())
 *         .build();
 * }</pre>
 *
 * <p>Without a provider, {@code sasl.jaas.config} with Kafka's {@code OAuthBearerLoginModule} and its
 * {@code unsecuredLoginStringClaim_sub} option makes unsecured tokens, as Kafka's default handler does: for
 * development brokers only.
 */
@FunctionalInterface
public interface OAuthBearerTokenProvider {

    /** A valid, unexpired token; an exception fails this authentication (the connection is retried). */
    OAuthBearerToken token();
}
