package io.odradek.domain.security;

/**
 * The client's side of one SASL authentication: its first message, its answers to the broker's challenges, and
 * whether it is done. A new one for every (re-)authentication of a connection. Never holds back an error: a
 * broker message that does not check out throws {@link io.odradek.api.SaslAuthenticationException}.
 */
public interface SaslConversation {

    /** The mechanism's name as the broker knows it, e.g. {@code SCRAM-SHA-256}. */
    String mechanism();

    /** Who authenticates (a user name, a token's principal), for messages; never a secret. */
    String principal();

    /** The client's first message. */
    byte[] start();

    /**
     * The answer to the broker's message, or null when the message ended the exchange on the client's side (the
     * broker's final SCRAM signature checked out); called only while not {@link #isComplete()}.
     */
    byte[] respond(byte[] challenge);

    /** Whether the client has nothing more to send: the next broker message ends the exchange. */
    boolean isComplete();
}
