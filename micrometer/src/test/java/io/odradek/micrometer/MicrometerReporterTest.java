package io.odradek.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordFuture;
import io.odradek.api.Serializers;

/** A real producer (no broker needed for what is checked here) bound to a Micrometer registry. */
class MicrometerReporterTest {

    @Test
    void registersEveryMetricWithMicrometersKafkaNamesAndTagsReadLive() throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Producer<String, String> producer = producer(registry)) {
            FunctionCounter errors = registry.get("kafka.producer.record.error.total")
                    .tags("client.id", "mm", "app", "orders").functionCounter();
            Gauge bufferTotal = registry.get("kafka.producer.buffer.total.bytes").tag("client.id", "mm").gauge();
            assertThat(errors.count()).isZero();
            assertThat(bufferTotal.value()).isEqualTo(1 << 20);
            assertThat(registry.get("kafka.producer.latency.in.flight.time.ms.p99").gauge().value()).isNaN();

            RecordFuture tooLarge = producer.send(new ProducerRecord<>("orders", "k", "v".repeat(2 << 20)));

            assertThat(tooLarge.isDone()).isTrue();
            assertThat(errors.count()).as("read live").isEqualTo(1.0);
            assertThat(registry.getMeters()).hasSize(producer.metrics().size());
        }
        assertThat(registry.getMeters()).as("removed when the producer closes").isEmpty();
    }

    private static Producer<String, String> producer(SimpleMeterRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProducerConfig config = ProducerConfig.builder().bootstrapServers("127.0.0.1:" + closedPort).clientId("mm")
                .bufferMemoryBytes(1 << 20).maxBlock(Duration.ofSeconds(1)).set("metric.reporters", "")
                .metricReporter(new MicrometerReporter(registry, Tags.of("app", "orders"))).build();
        return Producer.create(config, Serializers.string(), Serializers.string());
    }
}
