package io.odradek.it.produce;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

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

    /** The same, on the named transport ({@code nio} or {@code netty}), for tests that run on both. */
    public static ProducerConfig.Builder config(KafkaCluster kafka, String transport) {
        return config(kafka).transport(transport);
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

    /**
     * Creates a topic and waits until its leader serves every partition. {@link KafkaCluster#createTopic}
     * returns once the metadata names leaders, but on a loaded machine the broker creates the partitions'
     * logs up to a second later; a Produce request before that gets NOT_LEADER_OR_FOLLOWER, which is
     * retried with acks=1/all but, with acks=0, makes the broker drop the connection and what was written to
     * it — Kafka's own producer loses those records too.
     */
    public static String createServingTopic(KafkaCluster kafka, String prefix, int partitions) {
        String topic = kafka.createTopic(prefix, partitions);
        Properties props = new Properties();
        props.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> all = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                all.add(new TopicPartition(topic, p));
            }
            // ListOffsets is answered by the partition's leader only once the partition is online there.
            consumer.endOffsets(all, READ_TIMEOUT);
        }
        return topic;
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
