package io.odradek.it.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.odradek.it.KafkaCluster;
import io.odradek.tools.broker.EmbeddedKafkaBroker;
import io.odradek.transport.contract.TestCertificates;

/**
 * One real Kafka broker with every way in that a secured cluster has: {@code SSL} (mutual TLS: the client's
 * certificate is its principal), {@code SASL_PLAINTEXT} and {@code SASL_SSL} (PLAIN users in the listener's JAAS
 * configuration, SCRAM users added when the storage is formatted, OAUTHBEARER with Kafka's unsecured-token
 * validator), and {@code PLAINTEXT} for the controller, the admin client and the reading consumer, whose
 * anonymous principal is the super user. The standard authorizer holds the ACLs below. Certificates are made
 * for the run with keytool. Shared by every test of the JVM, like the suite's plain broker.
 *
 * <p>ACLs: {@link #USER} and the client certificate may write and describe topics starting with
 * {@link #TOPIC_PREFIX}, except {@link #DENIED_TOPIC}; {@link #USER} may use {@link #ALLOWED_TRANSACTIONAL_ID} and
 * nothing else. SASL sessions on SASL_PLAINTEXT with SCRAM-SHA-256 last {@link #SHORT_SESSION}, so a producer
 * there must re-authenticate (KIP-368).
 */
public final class SecuredKafka implements ParameterResolver {
    public static final String USER = "alice";
    public static final String PASSWORD = "alice-Pa55-" + UUID.randomUUID().toString().substring(0, 8);
    public static final String TOPIC_PREFIX = "sec-";
    public static final String DENIED_TOPIC = "sec-denied";
    public static final String ALLOWED_TRANSACTIONAL_ID = "sec-tx-allowed";
    public static final String CLIENT_PRINCIPAL = "CN=odradek-client";
    public static final Duration SHORT_SESSION = Duration.ofSeconds(4);

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SecuredKafka.class);

    /** Everything a test needs of the secured broker. */
    public record Broker(KafkaCluster cluster, TestCertificates certificates, Path certificateDir) implements AutoCloseable {
        public String ssl() {
            return cluster.broker().listenerBootstrapServers("SSL");
        }

        public String saslPlaintext() {
            return cluster.broker().listenerBootstrapServers("SASL_PLAINTEXT");
        }

        public String saslSsl() {
            return cluster.broker().listenerBootstrapServers("SASL_SSL");
        }

        /** The truststore (PKCS12) that trusts the broker's certificate. */
        public Path truststore() {
            return certificateDir.resolve("client-trusts-broker.p12");
        }

        /** The client's own key and certificate (PKCS12), for mutual TLS. */
        public Path clientKeystore() {
            return certificateDir.resolve("client.p12");
        }

        @Override
        public void close() {
            cluster.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Broker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return extensionContext.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("broker", key -> start(),
                Broker.class);
    }

    private static Broker start() {
        Path dir = Path.of(System.getProperty("basedir", "."), "target",
                "kafka-secured-" + UUID.randomUUID().toString().substring(0, 8));
        Path certificateDir = dir.resolve("certificates");
        TestCertificates certificates = new TestCertificates(certificateDir);
        // The broker's certificate names 127.0.0.1 only: a client that connects to "localhost" must refuse it.
        Path brokerKeystore = certificates.keystore("broker", "kafka-broker", "ip:127.0.0.1");
        certificates.keystore("client", "odradek-client");
        Path brokerTruststore = certificates.truststore("broker-trusts-client", "client");
        certificates.truststore("client-trusts-broker", "broker");
        String plainUsers = "org.apache.kafka.common.security.plain.PlainLoginModule required user_" + USER + "=\""
                + PASSWORD + "\";";
        String scram = "org.apache.kafka.common.security.scram.ScramLoginModule required;";
        String oauth = "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required"
                + " unsecuredLoginStringClaim_sub=\"broker\";";
        EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder()
                .dataDir(dir.resolve("data"))
                .autoCreateTopics(false)
                .startupTimeout(Duration.ofSeconds(Long.getLong("odradek.it.kafkaStartupTimeoutSeconds", 120)))
                .listener("SSL", "SSL")
                .listener("SASL_PLAINTEXT", "SASL_PLAINTEXT")
                .listener("SASL_SSL", "SASL_SSL")
                .formatArguments("--add-scram", "SCRAM-SHA-256=[name=" + USER + ",password=" + PASSWORD + "]",
                        "--add-scram", "SCRAM-SHA-512=[name=" + USER + ",password=" + PASSWORD + "]")
                .serverProperty("offsets.topic.num.partitions", "1")
                .serverProperty("transaction.state.log.num.partitions", "1")
                .serverProperty("ssl.keystore.location", brokerKeystore.toString())
                .serverProperty("ssl.keystore.type", "PKCS12")
                .serverProperty("ssl.keystore.password", TestCertificates.PASSWORD)
                .serverProperty("ssl.key.password", TestCertificates.PASSWORD)
                .serverProperty("ssl.truststore.location", brokerTruststore.toString())
                .serverProperty("ssl.truststore.type", "PKCS12")
                .serverProperty("ssl.truststore.password", TestCertificates.PASSWORD)
                .serverProperty("listener.name.ssl.ssl.client.auth", "required")
                .serverProperty("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256,SCRAM-SHA-512,OAUTHBEARER")
                .serverProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .serverProperty("super.users", "User:ANONYMOUS")
                .serverProperty("listener.name.sasl_plaintext.scram-sha-256.connections.max.reauth.ms",
                        Long.toString(SHORT_SESSION.toMillis()));
        for (String listener : List.of("sasl_plaintext", "sasl_ssl")) {
            builder.serverProperty("listener.name." + listener + ".plain.sasl.jaas.config", plainUsers)
                    .serverProperty("listener.name." + listener + ".scram-sha-256.sasl.jaas.config", scram)
                    .serverProperty("listener.name." + listener + ".scram-sha-512.sasl.jaas.config", scram)
                    .serverProperty("listener.name." + listener + ".oauthbearer.sasl.jaas.config", oauth);
        }
        KafkaCluster cluster = KafkaCluster.of(builder.start());
        try {
            grantAcls(cluster.bootstrapServers());
            cluster.broker().createTopic(DENIED_TOPIC, 1);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return new Broker(cluster, certificates, certificateDir);
    }

    private static void grantAcls(String plaintextBootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, plaintextBootstrap))) {
            ResourcePattern topics = new ResourcePattern(ResourceType.TOPIC, TOPIC_PREFIX, PatternType.PREFIXED);
            List<AclBinding> acls = new java.util.ArrayList<>();
            for (String principal : List.of("User:" + USER, "User:" + CLIENT_PRINCIPAL)) {
                for (AclOperation operation : List.of(AclOperation.WRITE, AclOperation.DESCRIBE)) {
                    acls.add(new AclBinding(topics, allow(principal, operation)));
                }
                acls.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, DENIED_TOPIC, PatternType.LITERAL),
                        new AccessControlEntry(principal, "*", AclOperation.WRITE, AclPermissionType.DENY)));
            }
            ResourcePattern transactionalId = new ResourcePattern(ResourceType.TRANSACTIONAL_ID,
                    ALLOWED_TRANSACTIONAL_ID, PatternType.LITERAL);
            for (AclOperation operation : List.of(AclOperation.WRITE, AclOperation.DESCRIBE)) {
                acls.add(new AclBinding(transactionalId, allow("User:" + USER, operation)));
            }
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the ACLs of the secured broker", e);
        }
    }

    private static AccessControlEntry allow(String principal, AclOperation operation) {
        return new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW);
    }

    static String pem(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
