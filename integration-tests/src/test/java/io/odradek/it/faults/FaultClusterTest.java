package io.odradek.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import io.odradek.it.transport.BothTransports;

/**
 * The fault harness does what the scenarios rely on, shown with Kafka's own producer. It runs with the scenarios
 * (the both-transports execution), on the cluster they share.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@BothTransports
@ExtendWith(FaultClusterExtension.class)
class FaultClusterTest {

    private FaultCluster cluster;

    @BeforeAll
    void useTheSharedCluster(FaultCluster sharedCluster) {
        cluster = sharedCluster;
    }

    @Test
    void producersGoThroughTheProxiesWhileReplicationDoesNot() throws Exception {
        String topic = topic("proxied");
        cluster.createTopics(List.of(topic), FaultCluster.rotatingReplicas(0, 3));
        int acceptedBefore = cluster.proxy(0).acceptedConnections();

        // Partition 0 is led by node 0; acks=all needs a follower on node 1 or 2 to replicate each record.
        cluster.cut(1, TcpProxy.Cut.REFUSE);
        cluster.cut(2, TcpProxy.Cut.REFUSE);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            RecordMetadata written = producer.send(new ProducerRecord<>(topic, 0, null, new byte[] {1}))
                    .get(30, TimeUnit.SECONDS);
            assertThat(written.offset()).isZero();
        } finally {
            cluster.restore(1);
            cluster.restore(2);
        }

        assertThat(cluster.proxy(0).acceptedConnections()).as("connections through node 0's proxy")
                .isGreaterThan(acceptedBefore);
        assertThat(cluster.readAll(topic)).hasSize(1);
    }

    @Test
    void aKilledLeaderLosesItsPartitionsAndTheRestartedNodeRejoinsTheIsr() {
        String topic = topic("killed");
        cluster.createTopics(List.of(topic), FaultCluster.rotatingReplicas(0, 3));
        assertThat(cluster.leaderOf(topic, 2)).isEqualTo(2);

        cluster.kill(2);
        assertThat(cluster.isRunning(2)).isFalse();
        Await.until("partition 2 led by another node", Duration.ofSeconds(60), () -> cluster.leaderOf(topic, 2) != 2);

        cluster.start(2);
        assertThat(cluster.isRunning(2)).isTrue();
        cluster.awaitFullIsr(List.of(topic));
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.producerBootstrapServers().split(",")[0]);
        props.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        props.setProperty(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        props.setProperty(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static String topic(String prefix) {
        return "harness-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
