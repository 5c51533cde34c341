package io.odradek.tools.perf;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.odradek.tools.broker.EmbeddedKafkaBroker;

/**
 * A throwaway Apache Kafka broker for a perf run without {@code bootstrap.servers}: started in a fresh temp
 * directory with topic auto-creation off, the topic created with the asked partitions; closing stops the
 * broker and deletes its data.
 */
final class EmbeddedTarget implements AutoCloseable {
    private final Path dataDir;
    private final EmbeddedKafkaBroker broker;

    private EmbeddedTarget(Path dataDir, EmbeddedKafkaBroker broker) {
        this.dataDir = dataDir;
        this.broker = broker;
    }

    static EmbeddedTarget start(String topic, int partitions, PrintStream err) throws IOException {
        // Said before starting: the broker takes a while to come up and the user should know why.
        err.println("odradek perf: no bootstrap.servers given; starting an embedded Apache Kafka broker with topic "
                + topic + " (" + partitions + " partitions)");
        Path dataDir = Files.createTempDirectory("odradek-perf-broker-");
        try {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                    .dataDir(dataDir)
                    .autoCreateTopics(false)
                    .start();
            try {
                broker.createTopic(topic, partitions);
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
            return new EmbeddedTarget(dataDir, broker);
        } catch (RuntimeException e) {
            deleteRecursively(dataDir);
            throw e;
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            broker.close();
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("odradek perf: could not delete " + dir + ": " + e);
        }
    }
}
