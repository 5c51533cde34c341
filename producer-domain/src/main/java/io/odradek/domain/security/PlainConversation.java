package io.odradek.domain.security;

import java.nio.charset.StandardCharsets;

/** SASL/PLAIN (RFC 4616): one message, {@code authzid NUL authcid NUL password}, with an empty authzid. */
final class PlainConversation implements SaslConversation {
    private final String username;
    private final String password;
    private boolean sent;

    PlainConversation(String username, String password) {
        this.username = username;
        this.password = password;
    }

    @Override
    public String mechanism() {
        return "PLAIN";
    }

    @Override
    public String principal() {
        return username;
    }

    @Override
    public byte[] start() {
        sent = true;
        return ("\0" + username + "\0" + password).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] respond(byte[] challenge) {
        throw new IllegalStateException("PLAIN has one message and no challenge");
    }

    @Override
    public boolean isComplete() {
        return sent;
    }
}
