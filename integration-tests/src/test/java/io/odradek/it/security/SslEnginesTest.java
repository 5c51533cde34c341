package io.odradek.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLEngine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.odradek.api.ConfigException;
import io.odradek.api.ProducerConfig;
import io.odradek.api.security.TlsSettings;
import io.odradek.domain.security.SslEngines;
import io.odradek.transport.contract.TestCertificates;

/**
 * The producer's one SSLContext, from Kafka's ssl.* keys: stores of every type Kafka takes, a PEM key encrypted
 * with ssl.key.password, and bad settings failing at construction naming the key (never showing a secret).
 */
class SslEnginesTest {
    private static final String KEY_PASSWORD = "key-Pa55-" + System.nanoTime();

    @TempDir
    static Path dir;
    private static TestCertificates certificates;

    @BeforeAll
    static void makeCertificates() {
        certificates = new TestCertificates(dir);
        certificates.keystore("client", "odradek-client");
        certificates.keystore("broker", "kafka-broker", "ip:127.0.0.1");
        certificates.truststore("trusts-broker", "broker");
    }

    @Test
    void readsPkcs12StoresAndMakesClientEnginesWithKafkasProtocolsAndTheHostNameCheck() {
        SSLEngine engine = engines(Map.of("ssl.truststore.location", dir.resolve("trusts-broker.p12").toString(),
                "ssl.truststore.type", "PKCS12", "ssl.truststore.password", TestCertificates.PASSWORD,
                "ssl.keystore.location", dir.resolve("client.p12").toString(), "ssl.keystore.type", "PKCS12",
                "ssl.keystore.password", TestCertificates.PASSWORD)).newClientEngine("127.0.0.1", 9093);

        assertThat(engine.getUseClientMode()).isTrue();
        assertThat(engine.getSSLParameters().getProtocols()).containsExactlyInAnyOrder("TLSv1.2", "TLSv1.3");
        assertThat(engine.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(engine.getPeerHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void readsAnEncryptedPemKeyWithTheKeyPassword() throws Exception {
        String encryptedKey = encryptWithOpenssl(certificates.privateKeyPem("client"));
        Map<String, Object> settings = new HashMap<>(Map.of("ssl.keystore.type", "PEM",
                "ssl.keystore.certificate.chain", certificates.certificatePemText("client"),
                "ssl.keystore.key", encryptedKey, "ssl.truststore.type", "PEM",
                "ssl.truststore.certificates", certificates.certificatePemText("broker")));
        settings.put("ssl.key.password", KEY_PASSWORD);

        assertThat(engines(settings).newClientEngine("127.0.0.1", 9093)).isNotNull();

        settings.remove("ssl.key.password");
        assertThatThrownBy(() -> engines(settings)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ssl.key.password");
        settings.put("ssl.key.password", "not-" + KEY_PASSWORD);
        assertThatThrownBy(() -> engines(settings)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ssl.keystore.key").message().doesNotContain(KEY_PASSWORD);
    }

    @Test
    void aWrongStorePasswordFailsNamingTheKey() {
        assertThatThrownBy(() -> engines(Map.of("ssl.truststore.location", dir.resolve("trusts-broker.p12").toString(),
                "ssl.truststore.type", "PKCS12", "ssl.truststore.password", "wrong-store-password")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ssl.truststore.password is wrong")
                .message().doesNotContain("wrong-store-password");
    }

    @Test
    void aMissingStoreFileFailsNamingTheKeyAndThePath() {
        assertThatThrownBy(() -> engines(Map.of("ssl.keystore.location", dir.resolve("nowhere.jks").toString(),
                "ssl.keystore.password", "x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ssl.keystore.location")
                .hasMessageContaining("nowhere.jks").hasMessageContaining("no such file");
    }

    @Test
    void aProtocolThisJdkDoesNotHaveFailsNamingTheKey() {
        assertThatThrownBy(() -> engines(Map.of("ssl.enabled.protocols", "SSLv2")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ssl.enabled.protocols");
    }

    @Test
    void describesAFailedHandshakeByTheCheckThatFailed() {
        SslEngines engines = engines(Map.of());
        assertThat(engines.describeHandshakeFailure("broker:9093", new javax.net.ssl.SSLHandshakeException(
                "PKIX path building failed: unable to find valid certification path to requested target")))
                .contains("broker:9093").contains("not trusted");
        assertThat(engines.describeHandshakeFailure("localhost:9093", new javax.net.ssl.SSLHandshakeException(
                "No subject alternative DNS name matching localhost found.")))
                .contains("does not name the host").contains("ssl.endpoint.identification.algorithm");
    }

    private static SslEngines engines(Map<String, Object> ssl) {
        Map<String, Object> configs = new HashMap<>(ssl);
        configs.put("bootstrap.servers", "127.0.0.1:9093");
        configs.put("security.protocol", "SSL");
        TlsSettings settings = ProducerConfig.from(configs).security().tls().orElseThrow();
        return SslEngines.create(settings);
    }

    /** What `openssl pkcs8 -topk8 -v2 aes-256-cbc` makes: the PBES2-encrypted PKCS#8 that Kafka users have. */
    private static String encryptWithOpenssl(String plainPem) throws Exception {
        Path in = Files.writeString(dir.resolve("plain-key.pem"), plainPem);
        Path out = dir.resolve("encrypted-key.pem");
        Process process = new ProcessBuilder(List.of("openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in",
                in.toString(), "-out", out.toString(), "-passout", "pass:" + KEY_PASSWORD)).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return Files.readString(out);
    }
}
