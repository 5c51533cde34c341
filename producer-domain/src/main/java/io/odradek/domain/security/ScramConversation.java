package io.odradek.domain.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import io.odradek.api.SaslAuthenticationException;

/**
 * SASL/SCRAM-SHA-256 and SCRAM-SHA-512 (RFC 5802, RFC 7677), client side, on the JDK's HMAC and PBKDF2:
 * client-first, server-first (nonce, salt, iterations), client-final with the proof, and the server's final
 * signature, which is checked so that a broker that does not know the password cannot pass as one that does.
 * No channel binding ({@code n,,}), as Kafka's client.
 */
final class ScramConversation implements SaslConversation {
    /** Kafka's brokers refuse fewer (ScramMechanism.minIterations); more than this would stall the I/O thread. */
    private static final int MIN_ITERATIONS = 4096;
    private static final int MAX_ITERATIONS = 1_000_000;
    private static final String GS2_HEADER = "n,,";
    private static final SecureRandom RANDOM = new SecureRandom();

    enum Algorithm {
        SHA_256("SCRAM-SHA-256", "HmacSHA256", "SHA-256", "PBKDF2WithHmacSHA256", 256),
        SHA_512("SCRAM-SHA-512", "HmacSHA512", "SHA-512", "PBKDF2WithHmacSHA512", 512);

        final String mechanism;
        final String hmac;
        final String digest;
        final String pbkdf2;
        final int keyBits;

        Algorithm(String mechanism, String hmac, String digest, String pbkdf2, int keyBits) {
            this.mechanism = mechanism;
            this.hmac = hmac;
            this.digest = digest;
            this.pbkdf2 = pbkdf2;
            this.keyBits = keyBits;
        }
    }

    private enum Step { CLIENT_FIRST, CLIENT_FINAL, SERVER_FINAL, DONE }

    private final Algorithm algorithm;
    private final String username;
    private final String password;
    private final String clientNonce;
    private String clientFirstBare;
    private byte[] expectedServerSignature;
    private Step step = Step.CLIENT_FIRST;

    ScramConversation(Algorithm algorithm, String username, String password) {
        this(algorithm, username, password, newNonce());
    }

    /** With a fixed nonce: RFC 7677's test vector. */
    ScramConversation(Algorithm algorithm, String username, String password, String clientNonce) {
        this.algorithm = algorithm;
        this.username = username;
        this.password = password;
        this.clientNonce = clientNonce;
    }

    @Override
    public String mechanism() {
        return algorithm.mechanism;
    }

    @Override
    public String principal() {
        return username;
    }

    @Override
    public byte[] start() {
        clientFirstBare = "n=" + saslName(username) + ",r=" + clientNonce;
        step = Step.CLIENT_FINAL;
        return (GS2_HEADER + clientFirstBare).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] respond(byte[] challenge) {
        return switch (step) {
            case CLIENT_FINAL -> clientFinal(new String(challenge, StandardCharsets.UTF_8));
            case SERVER_FINAL -> {
                checkServerFinal(new String(challenge, StandardCharsets.UTF_8));
                yield null;
            }
            default -> throw new IllegalStateException("SCRAM conversation is in step " + step);
        };
    }

    @Override
    public boolean isComplete() {
        return step == Step.DONE;
    }

    private byte[] clientFinal(String serverFirst) {
        Map<Character, String> fields = attributes(serverFirst);
        String nonce = fields.get('r');
        String salt = fields.get('s');
        String iterationsText = fields.get('i');
        if (nonce == null || salt == null || iterationsText == null || !nonce.startsWith(clientNonce)
                || nonce.length() == clientNonce.length()) {
            throw failure("the broker's first message is not a valid SCRAM server-first message");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(iterationsText);
        } catch (NumberFormatException e) {
            throw failure("the broker's iteration count is not a number");
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw failure("the broker asked for " + iterations + " iterations, outside " + MIN_ITERATIONS + ".."
                    + MAX_ITERATIONS);
        }
        try {
            byte[] saltedPassword = saltedPassword(Base64.getDecoder().decode(salt), iterations);
            byte[] clientKey = hmac(saltedPassword, "Client Key");
            byte[] storedKey = MessageDigest.getInstance(algorithm.digest).digest(clientKey);
            String clientFinalWithoutProof = "c=" + Base64.getEncoder().encodeToString(
                    GS2_HEADER.getBytes(StandardCharsets.UTF_8)) + ",r=" + nonce;
            String authMessage = clientFirstBare + "," + serverFirst + "," + clientFinalWithoutProof;
            byte[] clientSignature = hmac(storedKey, authMessage);
            byte[] proof = new byte[clientKey.length];
            for (int i = 0; i < proof.length; i++) {
                proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
            }
            expectedServerSignature = hmac(hmac(saltedPassword, "Server Key"), authMessage);
            step = Step.SERVER_FINAL;
            return (clientFinalWithoutProof + ",p=" + Base64.getEncoder().encodeToString(proof))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw failure("the broker's salt is not Base64");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.mechanism + " needs " + algorithm.pbkdf2 + " and "
                    + algorithm.hmac + ", which this JDK lacks", e);
        }
    }

    private void checkServerFinal(String serverFinal) {
        Map<Character, String> fields = attributes(serverFinal);
        if (fields.containsKey('e')) {
            throw failure("the broker refused the proof: " + fields.get('e'));
        }
        String verifier = fields.get('v');
        byte[] signature;
        try {
            signature = verifier == null ? null : Base64.getDecoder().decode(verifier);
        } catch (IllegalArgumentException e) {
            signature = null;
        }
        if (signature == null || !MessageDigest.isEqual(signature, expectedServerSignature)) {
            throw failure("the broker's server signature does not match: it does not know this user's credentials");
        }
        step = Step.DONE;
    }

    private byte[] saltedPassword(byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, algorithm.keyBits);
        try {
            return SecretKeyFactory.getInstance(algorithm.pbkdf2).generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }

    private byte[] hmac(byte[] key, String message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(algorithm.hmac);
        mac.init(new SecretKeySpec(key, algorithm.hmac));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private SaslAuthenticationException failure(String problem) {
        step = Step.DONE;
        return new SaslAuthenticationException(algorithm.mechanism + " authentication of '" + username
                + "' failed: " + problem);
    }

    private static Map<Character, String> attributes(String message) {
        Map<Character, String> fields = new HashMap<>();
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(1) == '=') {
                fields.putIfAbsent(part.charAt(0), part.substring(2));
            }
        }
        return fields;
    }

    /** RFC 5802's saslname: ',' and '=' escaped. */
    private static String saslName(String username) {
        return username.replace("=", "=3D").replace(",", "=2C");
    }

    private static String newNonce() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
