package io.odradek.tools.broker;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/**
 * How an {@link EmbeddedKafkaBroker} waits for its nodes: polled conditions with the startup timeout as
 * deadline, failing at once, with the node's log, if a node's JVM exits.
 */
final class NodeReadiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final Duration timeout;
    private final Supplier<String> logTails;

    NodeReadiness(Duration timeout, Supplier<String> logTails) {
        this.timeout = timeout;
        this.logTails = logTails;
    }

    /** Waits until the cluster lists every node of {@code expected}. */
    void awaitRegistered(Admin admin, List<KafkaNode> expected) {
        Set<Integer> expectedIds = expected.stream().map(node -> node.address().nodeId()).collect(Collectors.toSet());
        awaitCondition("nodes " + expectedIds + " registered", () -> {
            expected.forEach(NodeReadiness::failIfExited);
            Set<Integer> registered = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                    .nodes().get(3, TimeUnit.SECONDS).stream().map(Node::id).collect(Collectors.toSet());
            return registered.containsAll(expectedIds);
        });
    }

    /**
     * Waits until {@code node} answers a client itself. Being listed by the cluster proves nothing after a
     * SIGKILL: the controller keeps listing the dead process until its session times out. A node answers
     * requests only once it has caught up with the cluster's metadata and is unfenced, and an admin client
     * bootstrapped to that node alone learns anything only from that node.
     */
    void awaitServing(KafkaNode node) {
        int nodeId = node.address().nodeId();
        try (Admin direct = Admin.create(adminProperties(node.address().bootstrapServer()))) {
            awaitCondition("node " + nodeId + " serving on " + node.address().bootstrapServer(), () -> {
                failIfExited(node);
                return direct.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes()
                        .get(3, TimeUnit.SECONDS).stream().anyMatch(listed -> listed.id() == nodeId);
            });
        }
    }

    /**
     * Polls {@code condition} until it is true or the startup timeout passes. Kafka's exceptions while
     * polling (broker not listening yet, request timed out) mean "not yet"; an IllegalStateException thrown
     * by the condition (a node died) aborts at once.
     */
    void awaitCondition(String what, Check<Boolean> condition) {
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (call(what, condition)) {
                    return;
                }
            } catch (EmbeddedKafkaBroker.KafkaCallException e) {
                last = e;
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                IllegalStateException failure = new IllegalStateException("timed out after "
                        + timeout.toSeconds() + "s waiting for " + what + "\n" + logTails.get());
                if (last != null) {
                    failure.addSuppressed(last);
                }
                throw failure;
            }
            sleep(POLL_INTERVAL);
        }
    }

    /** Runs an admin call; Kafka's failures and timeouts become {@link EmbeddedKafkaBroker.KafkaCallException}. */
    static <T> T call(String what, Check<T> action) {
        try {
            return action.check();
        } catch (ExecutionException e) {
            throw new EmbeddedKafkaBroker.KafkaCallException(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new EmbeddedKafkaBroker.KafkaCallException(what + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        }
    }

    static Properties adminProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, "odradek-embedded-broker-admin");
        props.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        props.setProperty(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return props;
    }

    private static void failIfExited(KafkaNode node) {
        if (node.hasExited()) {
            throw new IllegalStateException("Kafka node " + node.address().nodeId() + " " + node.exitDescription()
                    + "\n" + node.logTail(EmbeddedKafkaBroker.LOG_TAIL_LINES));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** An admin call: a Kafka future's get(). */
    @FunctionalInterface
    interface Check<T> {
        T check() throws ExecutionException, TimeoutException, InterruptedException;
    }
}
