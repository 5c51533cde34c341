package io.odradek.domain.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import io.odradek.api.ConfigException;
import io.odradek.api.config.SecurityKeys;
import io.odradek.api.security.TlsSettings;
import io.odradek.domain.port.TlsEngineFactory;

/**
 * The one {@link SSLContext} of a producer, built from Kafka's {@code ssl.*} keys when the producer is created
 * (a missing file or a wrong password fails there, naming the key), and the client engines every transport
 * wraps its connections in.
 */
public final class SslEngines implements TlsEngineFactory {
    private static final char[] NO_PASSWORD = new char[0];

    private final TlsSettings settings;
    private final SSLContext context;
    private final String[] protocols;

    private SslEngines(TlsSettings settings, SSLContext context) {
        this.settings = settings;
        this.context = context;
        List<String> supported = List.of(context.getSupportedSSLParameters().getProtocols());
        List<String> enabled = settings.enabledProtocols().stream().filter(supported::contains).toList();
        if (enabled.isEmpty()) {
            throw new ConfigException("Invalid value '" + String.join(",", settings.enabledProtocols())
                    + "' for configuration " + SecurityKeys.SSL_ENABLED_PROTOCOLS + ": this JDK supports " + supported);
        }
        this.protocols = enabled.toArray(String[]::new);
    }

    public static SslEngines create(TlsSettings settings) {
        try {
            SSLContext context = SSLContext.getInstance(settings.protocol());
            SecureRandom random = settings.secureRandomImplementation() == null ? null
                    : secureRandom(settings.secureRandomImplementation());
            context.init(keyManagers(settings), trustManagers(settings), random);
            return new SslEngines(settings, context);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new ConfigException("Invalid value '" + settings.protocol() + "' for configuration "
                    + SecurityKeys.SSL_PROTOCOL + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new ConfigException("Cannot set up TLS from the ssl.* configuration: " + e.getMessage(), e);
        }
    }

    @Override
    public SSLEngine newClientEngine(String host, int port) {
        SSLEngine engine = context.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(protocols);
        if (!settings.cipherSuites().isEmpty()) {
            parameters.setCipherSuites(settings.cipherSuites().toArray(String[]::new));
        }
        if (settings.checksHostName()) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        engine.setSSLParameters(parameters);
        return engine;
    }

    @Override
    public String describeHandshakeFailure(String address, Throwable failure) {
        String detail = rootMessage(failure);
        String lower = detail.toLowerCase(Locale.ROOT);
        String meaning;
        if (lower.contains("no name matching") || lower.contains("no subject alternative")) {
            meaning = "the broker's certificate does not name the host connected to (host name checked because "
                    + SecurityKeys.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM + "=https; fix the certificate's subject"
                    + " alternative names or the address in bootstrap.servers/advertised.listeners)";
        } else if (lower.contains("pkix") || lower.contains("certification path") || lower.contains("unable to find")) {
            meaning = "the broker's certificate is not trusted: no certificate in the truststore ("
                    + trustSource() + ") issued it";
        } else if (lower.contains("bad_certificate") || lower.contains("certificate_required")
                || lower.contains("unknown_ca") || lower.contains("certificate_unknown")) {
            meaning = "the broker refused the producer's certificate (mutual TLS: check " + SecurityKeys.SSL_KEYSTORE_LOCATION
                    + " or " + SecurityKeys.SSL_KEYSTORE_CERTIFICATE_CHAIN + " and the broker's truststore)";
        } else if (lower.contains("protocol_version") || lower.contains("no appropriate protocol")) {
            meaning = "the broker and the producer share no TLS version (" + SecurityKeys.SSL_ENABLED_PROTOCOLS + "="
                    + String.join(",", protocols) + ")";
        } else {
            meaning = "the TLS handshake failed";
        }
        return "TLS handshake with " + address + " failed: " + meaning + " (" + detail + ")";
    }

    private String trustSource() {
        if (settings.truststoreLocation() != null) {
            return SecurityKeys.SSL_TRUSTSTORE_LOCATION + "=" + settings.truststoreLocation();
        }
        return settings.truststoreCertificates() != null ? SecurityKeys.SSL_TRUSTSTORE_CERTIFICATES
                : "the JDK's default cacerts, as no " + SecurityKeys.SSL_TRUSTSTORE_LOCATION + " is set";
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        String message = failure.getMessage();
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    private static TrustManager[] trustManagers(TlsSettings settings) throws GeneralSecurityException {
        KeyStore store;
        if (settings.truststoreCertificates() != null) {
            store = certificateStore(settings.truststoreCertificates(), SecurityKeys.SSL_TRUSTSTORE_CERTIFICATES);
        } else if (settings.truststoreLocation() == null) {
            return null; // the JDK's default trust (cacerts)
        } else if (settings.truststoreType().equals("PEM")) {
            store = certificateStore(read(SecurityKeys.SSL_TRUSTSTORE_LOCATION, settings.truststoreLocation()),
                    SecurityKeys.SSL_TRUSTSTORE_LOCATION);
        } else {
            store = load(settings.truststoreType(), SecurityKeys.SSL_TRUSTSTORE_LOCATION, settings.truststoreLocation(),
                    SecurityKeys.SSL_TRUSTSTORE_PASSWORD, settings.truststorePassword());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(settings.trustManagerAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static KeyManager[] keyManagers(TlsSettings settings) throws GeneralSecurityException {
        KeyStore store;
        char[] keyPassword;
        if (settings.keystoreKey() != null) {
            store = keyStore(settings.keystoreKey(), settings.keystoreCertificateChain(), settings.keyPassword(),
                    SecurityKeys.SSL_KEYSTORE_KEY);
            keyPassword = NO_PASSWORD;
        } else if (settings.keystoreLocation() == null) {
            return null;
        } else if (settings.keystoreType().equals("PEM")) {
            String pem = read(SecurityKeys.SSL_KEYSTORE_LOCATION, settings.keystoreLocation());
            store = keyStore(pem, pem, settings.keyPassword(), SecurityKeys.SSL_KEYSTORE_LOCATION);
            keyPassword = NO_PASSWORD;
        } else {
            store = load(settings.keystoreType(), SecurityKeys.SSL_KEYSTORE_LOCATION, settings.keystoreLocation(),
                    SecurityKeys.SSL_KEYSTORE_PASSWORD, settings.keystorePassword());
            String password = settings.keyPassword() != null ? settings.keyPassword() : settings.keystorePassword();
            keyPassword = password.toCharArray();
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(settings.keyManagerAlgorithm());
        try {
            factory.init(store, keyPassword);
        } catch (UnrecoverableKeyException e) {
            throw new ConfigException("Cannot read the private key in " + settings.keystoreLocation() + ": "
                    + SecurityKeys.SSL_KEY_PASSWORD + " (or, unset, " + SecurityKeys.SSL_KEYSTORE_PASSWORD
                    + ") is wrong", e);
        }
        return factory.getKeyManagers();
    }

    private static KeyStore load(String type, String locationKey, String location, String passwordKey,
                                 String password) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, password == null ? null : password.toCharArray());
        } catch (NoSuchFileException e) {
            throw new ConfigException("Invalid value '" + location + "' for configuration " + locationKey
                    + ": no such file", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new ConfigException("Cannot open the " + type + " store " + location + " (" + locationKey
                        + "): " + passwordKey + " is wrong", e);
            }
            throw new ConfigException("Invalid value '" + location + "' for configuration " + locationKey
                    + ": cannot read it as a " + type + " store (" + e.getMessage() + ")", e);
        }
        return store;
    }

    private static KeyStore certificateStore(String pem, String key) throws GeneralSecurityException {
        List<Certificate> certificates = certificates(pem, key);
        KeyStore store = emptyStore();
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("trusted-" + i, certificates.get(i));
        }
        return store;
    }

    private static KeyStore keyStore(String keyPem, String chainPem, String keyPassword, String key)
            throws GeneralSecurityException {
        PrivateKey privateKey;
        try {
            privateKey = PemMaterial.privateKey(keyPem, keyPassword);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid value for configuration " + key + " (not shown): " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new ConfigException("Cannot read the private key of " + key + ": " + e.getMessage()
                    + " (is " + SecurityKeys.SSL_KEY_PASSWORD + " right?)", e);
        }
        List<Certificate> chain = certificates(chainPem, key.equals(SecurityKeys.SSL_KEYSTORE_KEY)
                ? SecurityKeys.SSL_KEYSTORE_CERTIFICATE_CHAIN : key);
        KeyStore store = emptyStore();
        store.setKeyEntry("client", privateKey, NO_PASSWORD, chain.toArray(Certificate[]::new));
        return store;
    }

    private static List<Certificate> certificates(String pem, String key) {
        try {
            return new ArrayList<>(PemMaterial.certificates(pem));
        } catch (IllegalArgumentException | CertificateException e) {
            throw new ConfigException("Invalid value for configuration " + key + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("an empty PKCS12 store cannot fail to load", e);
        }
        return store;
    }

    private static String read(String key, String location) {
        try {
            return PemMaterial.text(Files.readAllBytes(Path.of(location)));
        } catch (IOException e) {
            throw new ConfigException("Invalid value '" + location + "' for configuration " + key + ": cannot read it ("
                    + e + ")", e);
        }
    }

    private static SecureRandom secureRandom(String algorithm) {
        try {
            return SecureRandom.getInstance(algorithm);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new ConfigException("Invalid value '" + algorithm + "' for configuration "
                    + SecurityKeys.SSL_SECURE_RANDOM_IMPLEMENTATION + ": " + e.getMessage(), e);
        }
    }
}
