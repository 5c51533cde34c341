package io.odradek.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.odradek.api.BrokerErrorException;
import io.odradek.api.FatalProducerException;
import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordFuture;
import io.odradek.api.Serializers;
import io.odradek.api.security.SecurityProtocol;
import io.odradek.it.transport.BothTransports;
import io.odradek.kafka.OdradekKafkaProducer;

/** The broker's ACLs, as a producer authenticated as alice meets them (see {@link SecuredKafka}). */
@BothTransports // so that the one secured broker of the JVM serves SecuredDeliveryTest too
@ExtendWith(SecuredKafka.class)
class AuthorizationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aDeniedTopicFailsItsRecordsNamingTheTopicWhileAnotherTopicGoesOn(SecuredKafka.Broker kafka) throws Exception {
        String allowed = kafka.cluster().createTopic(SecuredKafka.TOPIC_PREFIX + "allowed", 1);
        List<RecordFuture> deniedSends = new ArrayList<>();
        List<RecordFuture> allowedSends = new ArrayList<>();
        try (Producer<String, String> producer = Producer.create(alice(kafka).build(), Serializers.string(),
                Serializers.string())) {
            for (int i = 0; i < 20; i++) {
                deniedSends.add(producer.send(new ProducerRecord<>(SecuredKafka.DENIED_TOPIC, "k", "denied-" + i)));
                allowedSends.add(producer.send(new ProducerRecord<>(allowed, "k", "allowed-" + i)));
            }
            producer.flush();
            for (RecordFuture denied : deniedSends) {
                assertThatThrownBy(() -> denied.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).cause()
                        .isInstanceOfSatisfying(BrokerErrorException.class, e -> {
                            assertThat(e.errorName()).isEqualTo("TOPIC_AUTHORIZATION_FAILED");
                            assertThat(e).hasMessageContaining(SecuredKafka.DENIED_TOPIC);
                        });
            }
            for (RecordFuture ok : allowedSends) {
                assertThat(ok.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).topic()).isEqualTo(allowed);
            }
            // The producer goes on: a later send to the allowed topic still works.
            producer.send(new ProducerRecord<>(allowed, "k", "allowed-20")).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(kafka.cluster().readAll(allowed, 21, TIMEOUT)).extracting(r -> new String(r.value(),
                StandardCharsets.UTF_8)).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(0, 20).mapToObj(i -> "allowed-" + i).toList());
    }

    @Test
    void aTransactionalIdWithoutAclsFailsInitTransactionsClearly(SecuredKafka.Broker kafka) {
        try (Producer<String, String> producer = Producer.create(alice(kafka).transactionalId("sec-tx-denied")
                .maxBlock(TIMEOUT).build(), Serializers.string(), Serializers.string())) {
            assertThatThrownBy(producer::initTransactions).isInstanceOf(FatalProducerException.class)
                    .hasMessageContaining("TRANSACTIONAL_ID_AUTHORIZATION_FAILED");
        }
    }

    @Test
    void anAllowedTransactionalIdCommits(SecuredKafka.Broker kafka) throws Exception {
        String topic = kafka.cluster().createTopic(SecuredKafka.TOPIC_PREFIX + "tx", 1);
        try (Producer<String, String> producer = Producer.create(alice(kafka)
                .transactionalId(SecuredKafka.ALLOWED_TRANSACTIONAL_ID).build(), Serializers.string(),
                Serializers.string())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed"));
            producer.commitTransaction();
        }
        assertThat(kafka.cluster().readAll(topic, 1, TIMEOUT, IsolationLevel.READ_COMMITTED))
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).containsExactly("committed");
    }

    @Test
    void kafkasInterfaceSeesKafkasAuthorizationExceptions(SecuredKafka.Broker kafka) {
        try (var producer = new OdradekKafkaProducer<>(aliceProperties(kafka), new StringSerializer(),
                new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                    SecuredKafka.DENIED_TOPIC, "v")).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
        }
        Properties transactional = aliceProperties(kafka);
        transactional.setProperty("transactional.id", "sec-tx-denied-compat");
        try (var producer = new OdradekKafkaProducer<>(transactional, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(producer::initTransactions).isInstanceOf(TransactionalIdAuthorizationException.class);
        }
    }

    private static ProducerConfig.Builder alice(SecuredKafka.Broker kafka) {
        return ProducerConfig.builder().bootstrapServers(kafka.saslPlaintext()).transport("nio")
                .securityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .saslScram("SCRAM-SHA-512", SecuredKafka.USER, SecuredKafka.PASSWORD);
    }

    private static Properties aliceProperties(SecuredKafka.Broker kafka) {
        Properties properties = new Properties();
        properties.setProperty("bootstrap.servers", kafka.saslPlaintext());
        properties.setProperty("transport", "nio");
        properties.setProperty("security.protocol", "SASL_PLAINTEXT");
        properties.setProperty("sasl.mechanism", "PLAIN");
        properties.setProperty("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"alice\" password=\"" + SecuredKafka.PASSWORD + "\";");
        properties.setProperty("max.block.ms", "30000");
        return properties;
    }
}
