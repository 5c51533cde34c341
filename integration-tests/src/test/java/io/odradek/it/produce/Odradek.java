package io.odradek.it.produce;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.Serializers;
import io.odradek.it.KafkaCluster;

/** Shorthands the produce and compression tests share: producers of bytes, conditions with deadlines. */
public final class Odradek {

    /** Long enough for a loaded 2-core machine, short enough that a hang fails the test. */
    public static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private Odradek() {
    }

    /** A configuration for the shared broker; callers add what their test is about. */
    public static ProducerConfig.Builder config(KafkaCluster kafka) {
        return ProducerConfig.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .maxBlock(Duration.ofSeconds(30));
    }

    public static Producer<byte[], byte[]> producer(ProducerConfig config) {
        return Producer.create(config, Serializers.byteArray(), Serializers.byteArray());
    }

    public static Producer<byte[], byte[]> producer(ProducerConfig.Builder config) {
        return producer(config.build());
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** A loopback port nobody listens on (it was free a moment ago and nothing here binds it). */
    public static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Polls {@code condition} until it holds or {@code timeout} passes; fails with {@code what}. */
    public static void awaitCondition(String what, Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadlineNs > 0) {
                throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
            }
            Thread.sleep(5); // polling interval of a condition with a deadline, not a hoped-for delay
        }
    }
}
