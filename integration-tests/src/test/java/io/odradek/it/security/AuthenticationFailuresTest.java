package io.odradek.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordFuture;
import io.odradek.api.SaslAuthenticationException;
import io.odradek.api.Serializers;
import io.odradek.api.SslAuthenticationException;
import io.odradek.api.security.SecurityProtocol;
import io.odradek.it.transport.BothTransports;
import io.odradek.kafka.OdradekKafkaProducer;
import io.odradek.transport.contract.TestCertificates;

/**
 * Credentials or certificates that cannot work fail the records fast, with an error that says which check failed
 * and never the secret, instead of reconnecting until delivery.timeout.ms.
 */
@BothTransports // so that the one secured broker of the JVM serves SecuredDeliveryTest too
@ExtendWith(SecuredKafka.class)
class AuthenticationFailuresTest {
    /** Far below delivery.timeout.ms (120 s) and max.block.ms (60 s): a failure must come from the refusal. */
    private static final Duration FAST = Duration.ofSeconds(15);
    private static final String WRONG_PASSWORD = "not-" + SecuredKafka.PASSWORD;

    @Test
    void aWrongPlainPasswordFailsPendingAndLaterSendsWithSaslAuthenticationFailed(SecuredKafka.Broker kafka)
            throws Exception {
        try (LogCapture logs = new LogCapture()) {
            ProducerConfig config = ProducerConfig.builder().bootstrapServers(kafka.saslPlaintext())
                    .transport("nio").securityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                    .saslPlain(SecuredKafka.USER, WRONG_PASSWORD).build();
            List<String> messages = new ArrayList<>();
            try (Producer<String, String> producer = Producer.create(config, Serializers.string(), Serializers.string())) {
                Throwable first = failureOf(producer.send(record("sec-never")));
                assertThat(first).isInstanceOf(SaslAuthenticationException.class)
                        .hasMessageContaining("PLAIN authentication of 'alice'")
                        .hasMessageContaining("SASL_AUTHENTICATION_FAILED");
                Throwable later = failureOf(producer.send(record("sec-never")));
                assertThat(later).isInstanceOf(SaslAuthenticationException.class);
                messages.add(first.getMessage());
                messages.add(later.getMessage());
                messages.add(config.toString());
            }
            assertThat(logs.linesContaining("SASL_AUTHENTICATION_FAILED")).as("the refusal is logged").isNotEmpty();
            List<String> everything = new ArrayList<>(messages);
            everything.addAll(logs.lines());
            assertThat(everything).noneMatch(line -> line.contains(WRONG_PASSWORD) || line.contains(SecuredKafka.PASSWORD));
        }
    }

    @Test
    void aWrongScramPasswordFailsFastNamingTheMechanism(SecuredKafka.Broker kafka) throws Exception {
        ProducerConfig config = ProducerConfig.builder().bootstrapServers(kafka.saslSsl()).transport("nio")
                .securityProtocol(SecurityProtocol.SASL_SSL)
                .saslScram("SCRAM-SHA-512", SecuredKafka.USER, WRONG_PASSWORD)
                .set("ssl.truststore.type", "PKCS12")
                .truststore(kafka.truststore().toString(), TestCertificates.PASSWORD).build();
        try (Producer<String, String> producer = Producer.create(config, Serializers.string(), Serializers.string())) {
            assertThat(failureOf(producer.send(record("sec-never")))).isInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("SCRAM-SHA-512").hasMessageNotContaining(WRONG_PASSWORD);
        }
    }

    @Test
    void anUntrustedBrokerCertificateFailsFastSayingItIsNotTrusted(SecuredKafka.Broker kafka) throws Exception {
        // No truststore: the JDK's cacerts, which do not hold the test's self-signed broker certificate.
        ProducerConfig config = ProducerConfig.builder().bootstrapServers(kafka.saslSsl()).transport("nio")
                .securityProtocol(SecurityProtocol.SASL_SSL)
                .saslPlain(SecuredKafka.USER, SecuredKafka.PASSWORD).build();
        try (Producer<String, String> producer = Producer.create(config, Serializers.string(), Serializers.string())) {
            assertThat(failureOf(producer.send(record("sec-never")))).isInstanceOf(SslAuthenticationException.class)
                    .hasMessageContaining("certificate is not trusted").hasMessageContaining("cacerts");
        }
    }

    @Test
    void aCertificateThatDoesNotNameTheHostFailsFastSayingSo(SecuredKafka.Broker kafka) throws Exception {
        // The broker's certificate names 127.0.0.1 only; connect to it as "localhost".
        String localhost = kafka.ssl().replace("127.0.0.1", "localhost");
        ProducerConfig config = ProducerConfig.builder().bootstrapServers(localhost).transport("nio")
                .securityProtocol(SecurityProtocol.SSL).set("ssl.truststore.type", "PKCS12")
                .set("ssl.keystore.type", "PKCS12")
                .truststore(kafka.truststore().toString(), TestCertificates.PASSWORD)
                .keystore(kafka.clientKeystore().toString(), TestCertificates.PASSWORD).build();
        try (Producer<String, String> producer = Producer.create(config, Serializers.string(), Serializers.string())) {
            assertThat(failureOf(producer.send(record("sec-never")))).isInstanceOf(SslAuthenticationException.class)
                    .hasMessageContaining("does not name the host").hasMessageContaining("localhost");
        }
    }

    @Test
    void kafkasInterfaceSeesKafkasAuthenticationExceptions(SecuredKafka.Broker kafka) {
        Properties sasl = new Properties();
        sasl.setProperty("bootstrap.servers", kafka.saslPlaintext());
        sasl.setProperty("transport", "nio");
        sasl.setProperty("security.protocol", "SASL_PLAINTEXT");
        sasl.setProperty("sasl.mechanism", "SCRAM-SHA-256");
        sasl.setProperty("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"alice\" password=\"" + WRONG_PASSWORD + "\";");
        try (var producer = new OdradekKafkaProducer<>(sasl, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("sec-never",
                    "v")).get(FAST.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(org.apache.kafka.common.errors.SaslAuthenticationException.class);
        }
        Properties ssl = new Properties();
        ssl.setProperty("bootstrap.servers", kafka.ssl());
        ssl.setProperty("transport", "nio");
        ssl.setProperty("security.protocol", "SSL");
        try (var producer = new OdradekKafkaProducer<>(ssl, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("sec-never",
                    "v")).get(FAST.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(org.apache.kafka.common.errors.SslAuthenticationException.class);
        }
    }

    private static ProducerRecord<String, String> record(String topic) {
        return new ProducerRecord<>(topic, "k", "v");
    }

    private static Throwable failureOf(RecordFuture future) throws InterruptedException {
        try {
            future.get(FAST.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError("the send succeeded");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the send did not fail within " + FAST + ": it kept retrying", e);
        }
    }
}
