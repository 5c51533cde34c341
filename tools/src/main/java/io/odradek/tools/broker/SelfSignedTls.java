package io.odradek.tools.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A TLS listener's key material for a development broker, made with the JDK's keytool: a self-signed broker
 * certificate for 127.0.0.1 and localhost, a truststore that trusts it, and a client configuration file that uses
 * that truststore ({@code --producer.config} of {@code odradek perf} and of Kafka's tools alike).
 */
final class SelfSignedTls {
    /** Not a secret: these stores protect a throw-away certificate of a local broker. */
    static final String STORE_PASSWORD = "odradek-dev";

    private final Path dir;

    private SelfSignedTls(Path dir) {
        this.dir = dir;
    }

    static SelfSignedTls create(Path dir) {
        SelfSignedTls tls = new SelfSignedTls(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=odradek-broker", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "365",
                "-keystore", tls.brokerKeystore().toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD,
                "-keypass", STORE_PASSWORD);
        Path certificate = dir.resolve("broker.pem");
        keytool("-exportcert", "-alias", "broker", "-keystore", tls.brokerKeystore().toString(), "-storepass",
                STORE_PASSWORD, "-rfc", "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(), "-keystore",
                tls.truststore().toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        tls.writeClientConfig();
        return tls;
    }

    Path brokerKeystore() {
        return dir.resolve("broker.p12");
    }

    Path truststore() {
        return dir.resolve("truststore.p12");
    }

    /** security.protocol=SSL and the truststore, for clients of the TLS listener. */
    Path clientConfig() {
        return dir.resolve("client-ssl.properties");
    }

    /** The broker's settings for a listener named {@code listener}. */
    void configure(EmbeddedKafkaBroker.Builder builder, String listener) {
        String prefix = "listener.name." + listener.toLowerCase(java.util.Locale.ROOT) + ".";
        builder.serverProperty(prefix + "ssl.keystore.location", brokerKeystore().toString())
                .serverProperty(prefix + "ssl.keystore.type", "PKCS12")
                .serverProperty(prefix + "ssl.keystore.password", STORE_PASSWORD)
                .serverProperty(prefix + "ssl.key.password", STORE_PASSWORD);
    }

    private void writeClientConfig() {
        Properties properties = new Properties();
        properties.setProperty("security.protocol", "SSL");
        properties.setProperty("ssl.truststore.location", truststore().toString());
        properties.setProperty("ssl.truststore.type", "PKCS12");
        properties.setProperty("ssl.truststore.password", STORE_PASSWORD);
        try (Writer out = Files.newBufferedWriter(clientConfig(), StandardCharsets.UTF_8)) {
            properties.store(out, "clients of the odradek broker's TLS listener");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + clientConfig(), e);
        }
    }

    private static void keytool(String... arguments) {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
