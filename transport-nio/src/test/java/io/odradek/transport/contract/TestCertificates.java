package io.odradek.transport.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed certificates made for a test with the JDK's {@code keytool}, in PKCS12 stores under a directory
 * of the test's: a key pair per name with the subject alternative names asked for, its certificate in PEM, and
 * truststores holding chosen certificates. Nothing is checked in, nothing outlives the build.
 */
public final class TestCertificates {
    public static final String PASSWORD = "test-store-pw";

    private final Path dir;

    public TestCertificates(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PKCS12 keystore {@code <name>.p12} with a new EC key pair whose certificate has subject {@code CN=<cn>}
     * and the given subject alternative names (e.g. {@code ip:127.0.0.1}, {@code dns:localhost}); also writes
     * the certificate as {@code <name>.pem}.
     */
    public Path keystore(String name, String cn, String... subjectAlternativeNames) {
        Path store = dir.resolve(name + ".p12");
        List<String> command = new ArrayList<>(List.of(keytool(), "-genkeypair", "-alias", name, "-keyalg", "EC",
                "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=" + cn, "-validity", "3",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (subjectAlternativeNames.length > 0) {
            command.add("-ext");
            command.add("SAN=" + String.join(",", subjectAlternativeNames));
        }
        run(command);
        run(List.of(keytool(), "-exportcert", "-alias", name, "-keystore", store.toString(), "-storepass", PASSWORD,
                "-rfc", "-file", certificatePem(name).toString()));
        return store;
    }

    public Path certificatePem(String name) {
        return dir.resolve(name + ".pem");
    }

    /** A PKCS12 truststore {@code <name>.p12} holding the certificates of the named keystores. */
    public Path truststore(String name, String... trustedKeystoreNames) {
        Path store = dir.resolve(name + ".p12");
        for (String trusted : trustedKeystoreNames) {
            run(List.of(keytool(), "-importcert", "-noprompt", "-alias", trusted, "-file",
                    certificatePem(trusted).toString(), "-keystore", store.toString(), "-storetype", "PKCS12",
                    "-storepass", PASSWORD));
        }
        return store;
    }

    /** The private key of keystore {@code name} as unencrypted PKCS#8 PEM ({@code ssl.keystore.key}). */
    public String privateKeyPem(String name) {
        try (InputStream in = Files.newInputStream(dir.resolve(name + ".p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            Key key = store.getKey(name, PASSWORD.toCharArray());
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the key of " + name, e);
        }
    }

    /** The certificate of keystore {@code name} in PEM. */
    public String certificatePemText(String name) {
        try {
            return Files.readString(certificatePem(name), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a PKCS12 store written here. */
    public static KeyStore load(Path store) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, PASSWORD.toCharArray());
            return keyStore;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load " + store, e);
        }
    }

    /** The certificate of the key pair in keystore {@code name}. */
    public Certificate certificate(String name) {
        try {
            return load(dir.resolve(name + ".p12")).getCertificate(name);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + String.join(" ", command) + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
