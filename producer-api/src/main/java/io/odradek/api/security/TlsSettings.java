package io.odradek.api.security;

import java.util.List;

/**
 * The TLS half of the configuration, in Kafka's {@code ssl.*} terms, as the producer read and checked it. The
 * transport builds its {@code SSLContext} from these. {@link #toString()} hides passwords and keys.
 *
 * @param protocol                         {@code ssl.protocol}, e.g. {@code TLSv1.3}
 * @param enabledProtocols                 {@code ssl.enabled.protocols}
 * @param cipherSuites                     {@code ssl.cipher.suites}; empty means the JDK's defaults
 * @param endpointIdentificationAlgorithm  {@code ssl.endpoint.identification.algorithm}; {@code https} checks the
 *                                         broker's host name, empty turns the check off
 * @param truststoreType                   {@code ssl.truststore.type}: JKS, PKCS12 or PEM
 * @param truststoreLocation               {@code ssl.truststore.location}, or null
 * @param truststorePassword               {@code ssl.truststore.password}, or null
 * @param truststoreCertificates           {@code ssl.truststore.certificates}: PEM certificates, or null
 * @param keystoreType                     {@code ssl.keystore.type}: JKS, PKCS12 or PEM
 * @param keystoreLocation                 {@code ssl.keystore.location}, or null
 * @param keystorePassword                 {@code ssl.keystore.password}, or null
 * @param keyPassword                      {@code ssl.key.password}, or null
 * @param keystoreCertificateChain         {@code ssl.keystore.certificate.chain}: PEM certificates, or null
 * @param keystoreKey                      {@code ssl.keystore.key}: a PEM PKCS#8 private key, or null
 * @param keyManagerAlgorithm              {@code ssl.keymanager.algorithm}
 * @param trustManagerAlgorithm            {@code ssl.trustmanager.algorithm}
 * @param secureRandomImplementation       {@code ssl.secure.random.implementation}, or null for the JDK's default
 */
public record TlsSettings(String protocol, List<String> enabledProtocols, List<String> cipherSuites,
                          String endpointIdentificationAlgorithm, String truststoreType, String truststoreLocation,
                          String truststorePassword, String truststoreCertificates, String keystoreType,
                          String keystoreLocation, String keystorePassword, String keyPassword,
                          String keystoreCertificateChain, String keystoreKey, String keyManagerAlgorithm,
                          String trustManagerAlgorithm, String secureRandomImplementation) {

    public TlsSettings {
        enabledProtocols = List.copyOf(enabledProtocols);
        cipherSuites = List.copyOf(cipherSuites);
    }

    /** Whether the broker's certificate must name the host connected to ({@code https}). */
    public boolean checksHostName() {
        return !endpointIdentificationAlgorithm.isEmpty();
    }

    /** Whether the producer presents a certificate of its own (mutual TLS). */
    public boolean hasKeystore() {
        return keystoreLocation != null || keystoreKey != null;
    }

    @Override
    public String toString() {
        return "TlsSettings(protocol=" + protocol + ", enabledProtocols=" + enabledProtocols + ", cipherSuites="
                + cipherSuites + ", endpointIdentificationAlgorithm=" + endpointIdentificationAlgorithm
                + ", truststoreType=" + truststoreType + ", truststoreLocation=" + truststoreLocation
                + ", truststorePassword=" + hidden(truststorePassword) + ", truststoreCertificates="
                + hidden(truststoreCertificates) + ", keystoreType=" + keystoreType + ", keystoreLocation="
                + keystoreLocation + ", keystorePassword=" + hidden(keystorePassword) + ", keyPassword="
                + hidden(keyPassword) + ", keystoreCertificateChain=" + hidden(keystoreCertificateChain)
                + ", keystoreKey=" + hidden(keystoreKey) + ")";
    }

    static String hidden(String secret) {
        return secret == null ? "null" : "[hidden]";
    }
}
