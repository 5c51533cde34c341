package io.odradek.tools.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * One KRaft node of an {@link EmbeddedKafkaBroker}: its directory, its configuration files and the child
 * JVM that runs it. Everything the node writes (Kafka's log, the JVM's own stdout/stderr) stays in its
 * directory, never on the caller's stdout.
 */
final class KafkaNode {

    private static final String LOG4J2_SLF4J_PROVIDER = "org.apache.logging.slf4j.SLF4JServiceProvider";
    private static final String SERVER_LOG = "server.log";
    private static final String CONSOLE_LOG = "console.log";
    private static final String FORMAT_LOG = "format.log";

    private final NodeAddress address;
    private final Path dir;
    private final List<String> brokerJvmOptions;
    private Process process;

    KafkaNode(NodeAddress address, Path dir, List<String> brokerJvmOptions) {
        this.address = address;
        this.dir = dir;
        this.brokerJvmOptions = List.copyOf(brokerJvmOptions);
    }

    NodeAddress address() {
        return address;
    }

    Path dir() {
        return dir;
    }

    Path logDir() {
        return dir.resolve("data");
    }

    /** Writes server.properties and the logging configurations (log4j2 for Kafka 4.x, log4j 1 for 3.x). */
    void writeConfig(Properties serverProperties) {
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(dir.resolve("server.properties"), StandardCharsets.UTF_8)) {
                serverProperties.store(out, "written by odradek EmbeddedKafkaBroker");
            }
            String serverLog = forwardSlashes(dir.resolve(SERVER_LOG));
            Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                    "status = warn",
                    "appender.file.type = File",
                    "appender.file.name = file",
                    "appender.file.fileName = " + serverLog,
                    "appender.file.layout.type = PatternLayout",
                    "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                    "rootLogger.level = INFO",
                    "rootLogger.appenderRef.file.ref = file",
                    "logger.statechange.name = state.change.logger",
                    "logger.statechange.level = WARN",
                    ""), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("log4j.properties"), String.join("\n",
                    "log4j.rootLogger=INFO, file",
                    "log4j.appender.file=org.apache.log4j.FileAppender",
                    "log4j.appender.file.File=" + serverLog,
                    "log4j.appender.file.layout=org.apache.log4j.PatternLayout",
                    "log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n",
                    "log4j.logger.state.change.logger=WARN",
                    ""), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write configuration of node " + address.nodeId(), e);
        }
    }

    boolean isFormatted() {
        return Files.exists(logDir().resolve("meta.properties"));
    }

    /** Starts {@code StorageTool format}; the caller waits for it with {@link #awaitFormat}. */
    Process startFormat(String classpath, String clusterId, List<String> extraArguments) {
        List<String> command = javaCommand(classpath, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId,
                "-c", dir.resolve("server.properties").toString()));
        command.addAll(extraArguments);
        return launch(command, FORMAT_LOG);
    }

    void awaitFormat(Process format, Duration timeout) {
        try {
            if (!format.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting node " + address.nodeId() + " timed out\n"
                        + tail(FORMAT_LOG, 30));
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting node " + address.nodeId(), e);
        }
        if (format.exitValue() != 0) {
            throw new IllegalStateException("formatting node " + address.nodeId() + " failed with exit code "
                    + format.exitValue() + "\n" + tail(FORMAT_LOG, 30));
        }
    }

    void start(String classpath) {
        if (isRunning()) {
            throw new IllegalStateException("node " + address.nodeId() + " is already running");
        }
        List<String> command = javaCommand(classpath, brokerJvmOptions);
        command.addAll(List.of(OrphanGuardMain.class.getName(), Long.toString(ProcessHandle.current().pid()),
                "kafka.Kafka", dir.resolve("server.properties").toString()));
        process = launch(command, CONSOLE_LOG);
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** True if the node was started and its JVM has exited since (it crashed or was killed). */
    boolean hasExited() {
        return process != null && !process.isAlive();
    }

    String exitDescription() {
        return process == null || process.isAlive() ? "running" : "exited with code " + process.exitValue();
    }

    /** Asks the node's JVM and its children to stop (SIGTERM: Kafka shuts down cleanly). */
    void requestStop() {
        Process current = process;
        if (current != null) {
            current.descendants().forEach(ProcessHandle::destroy);
            current.destroy();
        }
    }

    /**
     * Kills the node's JVM and its children at once (SIGKILL): no controlled shutdown, no flush, no goodbye to
     * the controller, as when a machine loses power. What the JVM wrote stays in the OS page cache, as it
     * would on a real crash of the process. Returns once the process is gone.
     */
    void kill() {
        Process current = process;
        if (current == null) {
            return;
        }
        current.descendants().forEach(ProcessHandle::destroyForcibly);
        current.destroyForcibly();
        try {
            if (!current.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("node " + address.nodeId() + " survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing node " + address.nodeId(), e);
        }
        process = null;
    }

    /** Waits for the stop requested earlier, killing the process tree if it is still alive at the deadline. */
    void awaitStop(long deadlineNanos) {
        Process current = process;
        if (current == null) {
            return;
        }
        try {
            long remainingMs = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
            if (!current.waitFor(remainingMs, TimeUnit.MILLISECONDS)) {
                current.descendants().forEach(ProcessHandle::destroyForcibly);
                current.destroyForcibly();
                current.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** The last lines of the broker's log and of its JVM's console output, for error messages. */
    String logTail(int lines) {
        return "--- node " + address.nodeId() + " " + SERVER_LOG + " ---\n" + tail(SERVER_LOG, lines)
                + "--- node " + address.nodeId() + " " + CONSOLE_LOG + " ---\n" + tail(CONSOLE_LOG, lines);
    }

    private List<String> javaCommand(String classpath, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaBinary());
        command.addAll(jvmOptions);
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"));
        if (ChildJvm.hasClass(LOG4J2_SLF4J_PROVIDER)) {
            // The classpath may hold another slf4j provider too (the odradek jar has slf4j-simple for its own
            // JVM); the broker's logging must not depend on which one the ServiceLoader finds first.
            command.add("-Dslf4j.provider=" + LOG4J2_SLF4J_PROVIDER);
        }
        command.add("-Dlog4j.configuration=" + dir.resolve("log4j.properties").toUri());
        command.add("-Dkafka.logs.dir=" + dir);
        command.add("-cp");
        command.add(classpath);
        return command;
    }

    private Process launch(List<String> command, String outputFile) {
        try {
            return new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(outputFile).toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0) + " for node " + address.nodeId(), e);
        }
    }

    private String tail(String fileName, int lines) {
        Path file = dir.resolve(fileName);
        if (!Files.exists(file)) {
            return "(no " + fileName + ")\n";
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            StringBuilder out = new StringBuilder();
            for (String line : all.subList(Math.max(0, all.size() - lines), all.size())) {
                out.append(line).append('\n');
            }
            return out.toString();
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + fileName + ": " + e + ")\n";
        }
    }

    private static String forwardSlashes(Path path) {
        return path.toAbsolutePath().toString().replace('\\', '/');
    }
}
