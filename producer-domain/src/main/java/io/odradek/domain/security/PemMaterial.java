package io.odradek.domain.security;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Certificates and a private key in PEM, as Kafka takes them (KIP-651): X.509 certificates, and a PKCS#8 key,
 * plain ({@code PRIVATE KEY}) or encrypted with {@code ssl.key.password} ({@code ENCRYPTED PRIVATE KEY}).
 */
final class PemMaterial {
    private static final Pattern CERTIFICATE = Pattern.compile(
            "-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);
    private static final Pattern KEY = Pattern.compile(
            "-----BEGIN (ENCRYPTED )?PRIVATE KEY-----(.*?)-----END (ENCRYPTED )?PRIVATE KEY-----", Pattern.DOTALL);
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "EdDSA", "RSASSA-PSS", "DSA");

    private PemMaterial() {
    }

    /** Every certificate in {@code pem}; throws {@link IllegalArgumentException} if there is none. */
    static List<Certificate> certificates(String pem) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<Certificate> certificates = new ArrayList<>();
        Matcher matcher = CERTIFICATE.matcher(pem);
        while (matcher.find()) {
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
            certificates.add(factory.generateCertificate(new ByteArrayInputStream(der)));
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no -----BEGIN CERTIFICATE----- block found");
        }
        return certificates;
    }

    /** The private key in {@code pem}, decrypted with {@code keyPassword} when it is encrypted. */
    static PrivateKey privateKey(String pem, String keyPassword) throws GeneralSecurityException {
        Matcher matcher = KEY.matcher(pem);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no -----BEGIN PRIVATE KEY----- or -----BEGIN ENCRYPTED PRIVATE KEY-----"
                    + " block found (keys must be PKCS#8)");
        }
        byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
        PKCS8EncodedKeySpec spec;
        if (matcher.group(1) != null) {
            if (keyPassword == null) {
                throw new IllegalArgumentException("the private key is encrypted: set ssl.key.password");
            }
            EncryptedPrivateKeyInfo encrypted;
            try {
                encrypted = new EncryptedPrivateKeyInfo(der);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("the encrypted private key is not valid PKCS#8: " + e.getMessage(), e);
            }
            String algorithm = pbeAlgorithm(encrypted);
            SecretKeyFactory keyFactory = SecretKeyFactory.getInstance(algorithm);
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, keyFactory.generateSecret(new PBEKeySpec(keyPassword.toCharArray())),
                    encrypted.getAlgParameters());
            spec = encrypted.getKeySpec(cipher);
        } else {
            spec = new PKCS8EncodedKeySpec(der);
        }
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException wrongAlgorithm) {
                // try the next one: PKCS#8 names its algorithm, but KeyFactory wants it said
            }
        }
        throw new IllegalArgumentException("the private key is none of " + KEY_ALGORITHMS);
    }

    /**
     * The cipher's name for the key's encryption. For PBES2 (what {@code openssl pkcs8 -topk8} writes) the JDK
     * names the algorithm "PBES2", which no cipher answers to, while its parameters name the real one
     * (e.g. PBEWithHmacSHA256AndAES_256).
     */
    private static String pbeAlgorithm(EncryptedPrivateKeyInfo encrypted) {
        String name = encrypted.getAlgName();
        if (name.equalsIgnoreCase("PBES2") || name.equals("1.2.840.113549.1.5.13")) {
            return encrypted.getAlgParameters().toString();
        }
        return name;
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
