package io.odradek.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.odradek.api.Headers;
import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordFuture;
import io.odradek.api.Serializers;
import io.odradek.api.security.SecurityProtocol;
import io.odradek.api.security.UnsecuredJwtTokenProvider;
import io.odradek.it.transport.BothTransports;
import io.odradek.transport.contract.TestCertificates;

/**
 * Every listener and mechanism of the secured broker, on each transport: records sent through it are read back
 * by Kafka's own consumer, key, value, header and order, partition by partition.
 */
@BothTransports
@ExtendWith(SecuredKafka.class)
class SecuredDeliveryTest {
    private static final int RECORDS = 300;
    private static final int PARTITIONS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** One way in: a name, and the producer settings that use it. */
    record Route(String name, BiFunction<SecuredKafka.Broker, ProducerConfig.Builder, ProducerConfig.Builder> settings) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> routes() {
        List<Route> routes = List.of(
                new Route("SSL, mutual TLS with PKCS12 stores", (kafka, b) -> b.bootstrapServers(kafka.ssl())
                        .securityProtocol(SecurityProtocol.SSL)
                        .set("ssl.truststore.type", "PKCS12").set("ssl.keystore.type", "PKCS12")
                        .truststore(kafka.truststore().toString(), TestCertificates.PASSWORD)
                        .keystore(kafka.clientKeystore().toString(), TestCertificates.PASSWORD)),
                new Route("SSL, TLSv1.2, PEM certificates and key given inline", (kafka, b) -> b
                        .bootstrapServers(kafka.ssl())
                        .securityProtocol(SecurityProtocol.SSL)
                        .set("ssl.enabled.protocols", "TLSv1.2")
                        .set("ssl.truststore.type", "PEM")
                        .set("ssl.truststore.certificates", kafka.certificates().certificatePemText("broker"))
                        .set("ssl.keystore.type", "PEM")
                        .set("ssl.keystore.certificate.chain", kafka.certificates().certificatePemText("client"))
                        .set("ssl.keystore.key", kafka.certificates().privateKeyPem("client"))),
                new Route("SASL_PLAINTEXT, PLAIN from sasl.jaas.config", (kafka, b) -> b
                        .bootstrapServers(kafka.saslPlaintext())
                        .set("security.protocol", "SASL_PLAINTEXT").set("sasl.mechanism", "PLAIN")
                        .set("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                                + " username=\"" + SecuredKafka.USER + "\" password=\"" + SecuredKafka.PASSWORD + "\";")),
                new Route("SASL_PLAINTEXT, SCRAM-SHA-256 typed", (kafka, b) -> b.bootstrapServers(kafka.saslPlaintext())
                        .securityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                        .saslScram("SCRAM-SHA-256", SecuredKafka.USER, SecuredKafka.PASSWORD)),
                new Route("SASL_SSL, SCRAM-SHA-512 from sasl.jaas.config", (kafka, b) -> b.bootstrapServers(kafka.saslSsl())
                        .set("security.protocol", "SASL_SSL").set("sasl.mechanism", "SCRAM-SHA-512")
                        .set("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                                + " username=\"" + SecuredKafka.USER + "\" password=\"" + SecuredKafka.PASSWORD + "\";")
                        .set("ssl.truststore.type", "PKCS12")
                        .truststore(kafka.truststore().toString(), TestCertificates.PASSWORD)),
                new Route("SASL_SSL, PLAIN typed", (kafka, b) -> b.bootstrapServers(kafka.saslSsl())
                        .securityProtocol(SecurityProtocol.SASL_SSL)
                        .saslPlain(SecuredKafka.USER, SecuredKafka.PASSWORD)
                        .set("ssl.truststore.type", "PKCS12")
                        .truststore(kafka.truststore().toString(), TestCertificates.PASSWORD)),
                new Route("SASL_SSL, OAUTHBEARER unsecured tokens from sasl.jaas.config", (kafka, b) -> b
                        .bootstrapServers(kafka.saslSsl())
                        .set("security.protocol", "SASL_SSL").set("sasl.mechanism", "OAUTHBEARER")
                        .set("sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule"
                                + " required unsecuredLoginStringClaim_sub=\"" + SecuredKafka.USER + "\";")
                        .set("ssl.truststore.type", "PKCS12")
                        .truststore(kafka.truststore().toString(), TestCertificates.PASSWORD)),
                new Route("SASL_PLAINTEXT, OAUTHBEARER from a token provider", (kafka, b) -> b
                        .bootstrapServers(kafka.saslPlaintext())
                        .securityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                        .saslOAuthBearer(new UnsecuredJwtTokenProvider(SecuredKafka.USER, 600_000, Map.of()))));
        List<Arguments> arguments = new ArrayList<>();
        for (String transport : List.of("nio", "netty")) {
            for (Route route : routes) {
                arguments.add(Arguments.of(transport, route));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "transport={0}, {1}")
    @MethodSource("routes")
    void deliversKeyedRecordsWithHeadersReadBackByKafkasConsumer(String transport, Route route,
                                                                   SecuredKafka.Broker kafka) throws Exception {
        String topic = kafka.cluster().createTopic(SecuredKafka.TOPIC_PREFIX + transport, PARTITIONS);
        ProducerConfig config = route.settings().apply(kafka, ProducerConfig.builder().transport(transport)
                .linger(Duration.ofMillis(2)).batchSizeBytes(4096)).build();
        List<ProducerRecord<String, String>> sent = new ArrayList<>();
        List<RecordFuture> futures = new ArrayList<>();
        try (Producer<String, String> producer = Producer.create(config, Serializers.string(), Serializers.string())) {
            for (int i = 0; i < RECORDS; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, "key-" + i % 17, "value-" + i
                        + "-" + "x".repeat(i % 50), new Headers().add("seq", Integer.toString(i).getBytes(StandardCharsets.UTF_8)));
                sent.add(record);
                futures.add(producer.send(record));
            }
            producer.flush();
            for (RecordFuture future : futures) {
                future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }

        List<ConsumerRecord<byte[], byte[]>> read = kafka.cluster().readAll(topic, RECORDS, TIMEOUT);
        assertThat(read).hasSize(RECORDS);
        for (int partition = 0; partition < PARTITIONS; partition++) {
            int p = partition;
            List<String> readValues = read.stream().filter(r -> r.partition() == p)
                    .map(r -> new String(r.key(), StandardCharsets.UTF_8) + "=" + new String(r.value(),
                            StandardCharsets.UTF_8) + "#" + new String(r.headers().lastHeader("seq").value(),
                            StandardCharsets.UTF_8)).toList();
            List<String> sentValues = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                if (futures.get(i).get().partition() == p) {
                    sentValues.add(sent.get(i).key() + "=" + sent.get(i).value() + "#" + i);
                }
            }
            assertThat(readValues).as("partition %d", p).containsExactlyElementsOf(sentValues);
        }
    }
}
