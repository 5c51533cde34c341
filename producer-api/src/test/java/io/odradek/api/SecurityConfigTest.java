package io.odradek.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.odradek.api.security.OAuthBearerToken;
import io.odradek.api.security.SaslSettings;
import io.odradek.api.security.SecurityProtocol;
import io.odradek.api.security.TlsSettings;

class SecurityConfigTest {
    private static final String PASSWORD = "s3cr3t-Pa55word";

    @Test
    void plaintextIsTheDefaultAndNeedsNothingElse() {
        ProducerConfig config = ProducerConfig.from(Map.of("bootstrap.servers", "localhost:9092"));

        assertThat(config.security().protocol()).isEqualTo(SecurityProtocol.PLAINTEXT);
        assertThat(config.security().tls()).isEmpty();
        assertThat(config.security().sasl()).isEmpty();
    }

    @Test
    void readsKafkasSslKeysWithKafkasDefaults() {
        ProducerConfig config = config(Map.of("security.protocol", "ssl",
                "ssl.truststore.location", "/etc/kafka/truststore.p12", "ssl.truststore.type", "pkcs12",
                "ssl.truststore.password", PASSWORD));

        TlsSettings tls = config.security().tls().orElseThrow();
        assertThat(config.security().protocol()).isEqualTo(SecurityProtocol.SSL);
        assertThat(tls.protocol()).isEqualTo("TLSv1.3");
        assertThat(tls.enabledProtocols()).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(tls.checksHostName()).isTrue();
        assertThat(tls.truststoreType()).isEqualTo("PKCS12");
        assertThat(tls.truststorePassword()).isEqualTo(PASSWORD);
        assertThat(tls.hasKeystore()).isFalse();
    }

    @Test
    void anEmptyEndpointIdentificationAlgorithmTurnsTheHostNameCheckOff() {
        ProducerConfig config = config(Map.of("security.protocol", "SSL", "ssl.endpoint.identification.algorithm", ""));

        assertThat(config.security().tls().orElseThrow().checksHostName()).isFalse();
    }

    @Test
    void readsPlainCredentialsFromKafkasJaasFormat() {
        ProducerConfig config = config(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required\n"
                        + "  username=\"alice\" password=\"with \\\"quotes\\\" and ;\";"));

        SaslSettings sasl = config.security().sasl().orElseThrow();
        assertThat(sasl.mechanism()).isEqualTo("PLAIN");
        assertThat(sasl.username()).isEqualTo("alice");
        assertThat(sasl.password()).isEqualTo("with \"quotes\" and ;");
    }

    @Test
    void typedScramCredentialsMeanTheSameAsTheJaasText() {
        ProducerConfig typed = ProducerConfig.builder().bootstrapServers("localhost:9092")
                .securityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .saslScram("SCRAM-SHA-512", "bob", "p\"w\\d").build();

        SaslSettings sasl = typed.security().sasl().orElseThrow();
        assertThat(sasl.mechanism()).isEqualTo("SCRAM-SHA-512");
        assertThat(sasl.username()).isEqualTo("bob");
        assertThat(sasl.password()).isEqualTo("p\"w\\d");
    }

    @Test
    void oauthBearerWithoutAProviderMakesUnsecuredTokensForTheJaasSubject() {
        ProducerConfig config = config(Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "OAUTHBEARER",
                "sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required"
                        + " unsecuredLoginStringClaim_sub=\"carol\" unsecuredLoginLifetimeSeconds=\"60\";"));

        OAuthBearerToken token = config.security().sasl().orElseThrow().tokenProvider().token();
        assertThat(token.principal()).isEqualTo("carol");
        assertThat(token.value()).startsWith("eyJhbGciOiJub25lIn0.").endsWith(".");
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void oauthBearerTakesATokenProviderInstance() {
        OAuthBearerToken fixed = new OAuthBearerToken("t0k3n", "dave", Long.MAX_VALUE);
        ProducerConfig config = ProducerConfig.builder().bootstrapServers("localhost:9092")
                .securityProtocol(SecurityProtocol.SASL_SSL).saslOAuthBearer(() -> fixed).build();

        assertThat(config.security().sasl().orElseThrow().tokenProvider().token()).isSameAs(fixed);
    }

    @Test
    void kafkasDefaultMechanismGssapiFailsNamingTheKey() {
        assertThatThrownBy(() -> config(Map.of("security.protocol", "SASL_SSL")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sasl.mechanism").hasMessageContaining("GSSAPI");
    }

    @Test
    void saslWithoutCredentialsFailsNamingTheJaasKey() {
        assertThatThrownBy(() -> config(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-256")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Missing configuration sasl.jaas.config")
                .hasMessageContaining("ScramLoginModule");
    }

    @Test
    void aLoginModuleThatDoesNotMatchTheMechanismFails() {
        assertThatThrownBy(() -> config(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-256",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"a\""
                        + " password=\"" + PASSWORD + "\";")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PlainLoginModule").hasMessageContaining("ScramLoginModule")
                .message().doesNotContain(PASSWORD);
    }

    @Test
    void badJaasSyntaxFailsWithoutShowingTheText() {
        assertThatThrownBy(() -> config(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"a\""
                        + " password=\"" + PASSWORD + "\"")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sasl.jaas.config").hasMessageContaining("must end with ';'")
                .message().doesNotContain(PASSWORD);
    }

    @Test
    void inlinePemCertificatesNeedThePemType() {
        assertThatThrownBy(() -> config(Map.of("security.protocol", "SSL",
                "ssl.truststore.certificates", "-----BEGIN CERTIFICATE-----\n...")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ssl.truststore.certificates").hasMessageContaining("ssl.truststore.type=PEM");
    }

    @Test
    void aPemChainNeedsItsKey() {
        assertThatThrownBy(() -> config(Map.of("security.protocol", "SSL", "ssl.keystore.type", "PEM",
                "ssl.keystore.certificate.chain", "-----BEGIN CERTIFICATE-----\n...")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ssl.keystore.certificate.chain and ssl.keystore.key go together");
    }

    @Test
    void refusesKerberosAndTokenEndpointKeysSayingWhatToDoInstead() {
        assertThatThrownBy(() -> config(Map.of("sasl.kerberos.service.name", "kafka")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("GSSAPI");
        assertThatThrownBy(() -> config(Map.of("sasl.oauthbearer.token.endpoint.url", "https://idp/token")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("oauthbearer.token.provider");
    }

    @Test
    void secretsNeverShowInToStringNorInTheSettingsMapsToString() {
        ProducerConfig config = config(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\""
                        + " password=\"" + PASSWORD + "\";",
                "ssl.truststore.location", "/tmp/t.jks", "ssl.truststore.password", PASSWORD,
                "ssl.keystore.location", "/tmp/k.jks", "ssl.keystore.password", PASSWORD, "ssl.key.password", PASSWORD));

        for (String rendered : List.of(config.toString(), config.asMap().toString(),
                config.security().toString())) {
            assertThat(rendered).doesNotContain(PASSWORD).contains("[hidden]");
        }
        assertThat(config.asMap().get("ssl.key.password")).as("plugins still read the value").isEqualTo(PASSWORD);
    }

    private static ProducerConfig config(Map<String, Object> extra) {
        Map<String, Object> configs = new HashMap<>(extra);
        configs.put("bootstrap.servers", "localhost:9092");
        return ProducerConfig.from(configs);
    }
}
