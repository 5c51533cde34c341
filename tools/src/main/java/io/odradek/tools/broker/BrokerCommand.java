package io.odradek.tools.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code odradek broker}: runs a real Apache Kafka broker (single KRaft node) until the process is killed.
 *
 * <pre>
 * odradek broker [--data-dir DIR] [--partitions N] [--port PORT] [--brokers N] [--auto-create true|false]
 *                [--tls true|false]
 * </pre>
 *
 * Prints {@code bootstrap.servers=127.0.0.1:<port>} on stdout once the broker accepts clients, so scripts can read
 * it; with {@code --tls true} also {@code ssl.bootstrap.servers=...} (a TLS listener with a self-signed
 * certificate made with keytool) and {@code ssl.client.config=FILE} (security.protocol=SSL and a truststore for
 * it). Everything else goes to stderr. Ctrl-C stops the broker.
 */
public final class BrokerCommand {

    static final String USAGE = "usage: odradek broker [--data-dir DIR] [--partitions N] [--port PORT] [--brokers N]"
            + " [--auto-create true|false]\n"
            + "  --data-dir DIR             a new or empty directory for the broker's data (default: a fresh temp directory)\n"
            + "  --partitions N             num.partitions for auto-created topics (default 1)\n"
            + "  --port PORT                client port of the (first) broker (default: a free port)\n"
            + "  --brokers N                number of KRaft nodes (default 1)\n"
            + "  --auto-create true|false   create a topic when a client first uses it (default true)\n"
            + "  --tls true|false           also a TLS listener, self-signed for 127.0.0.1 (default false)";

    private static final String TLS_LISTENER = "SSL";

    private BrokerCommand() {
    }

    private static boolean parseBoolean(String flag, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(flag + " takes true or false, not " + value);
        }
        return Boolean.parseBoolean(value);
    }

    /** Runs the command; returns only on a usage error or a failure to start (otherwise it waits to be killed). */
    public static int run(String[] args) {
        return run(args, System.out, System.err, new CountDownLatch(1));
    }

    /** As {@link #run(String[])}, returning (and stopping the broker) once {@code stop} is counted down. */
    static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch stop) {
        EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder().autoCreateTopics(true);
        Path dataDir = null;
        boolean tls = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("-h") || flag.equals("--help")) {
                    out.println(USAGE);
                    return 0;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + flag);
                }
                String value = args[++i];
                switch (flag) {
                    case "--data-dir" -> dataDir = Path.of(value);
                    case "--partitions" -> builder.numPartitions(Integer.parseInt(value));
                    case "--port" -> builder.firstBrokerPort(Integer.parseInt(value));
                    case "--brokers" -> builder.brokers(Integer.parseInt(value));
                    case "--auto-create" -> builder.autoCreateTopics(parseBoolean(flag, value));
                    case "--tls" -> tls = parseBoolean(flag, value);
                    default -> throw new IllegalArgumentException("unknown flag " + flag);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("odradek broker: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }

        try {
            dataDir = dataDir != null ? dataDir : Files.createTempDirectory("odradek-broker-");
        } catch (IOException e) {
            err.println("odradek broker: cannot create a data directory: " + e);
            return 1;
        }
        err.println("odradek broker: starting Kafka in " + dataDir.toAbsolutePath() + " (logs: node-*/server.log)");
        SelfSignedTls certificates = null;
        if (tls) {
            certificates = SelfSignedTls.create(dataDir.resolve("tls"));
            builder.listener(TLS_LISTENER, "SSL");
            certificates.configure(builder, TLS_LISTENER);
        }
        // The broker's own shutdown hook stops it when Ctrl-C ends this JVM.
        try (EmbeddedKafkaBroker broker = builder.dataDir(dataDir).start()) {
            out.println("bootstrap.servers=" + broker.bootstrapServers());
            if (certificates != null) {
                out.println("ssl.bootstrap.servers=" + broker.listenerBootstrapServers(TLS_LISTENER));
                out.println("ssl.client.config=" + certificates.clientConfig().toAbsolutePath());
            }
            out.flush();
            err.println("odradek broker: cluster " + broker.clusterId() + " ready; Ctrl-C stops it");
            stop.await();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (RuntimeException e) {
            err.println("odradek broker: " + e.getMessage());
            return 1;
        }
    }
}
