package io.odradek.it.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.odradek.api.ConfigException;
import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerRecord;
import io.odradek.api.Serializers;
import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** With both transport modules on the classpath, the {@code transport} key chooses and nothing guesses. */
@BothTransports
@ExtendWith(KafkaBrokerExtension.class)
class TransportSelectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void refusesToGuessWhenBothTransportsArePresentAndNoneIsChosen(KafkaCluster kafka) {
        ProducerConfig config = ProducerConfig.builder().bootstrapServers(kafka.bootstrapServers()).build();

        assertThatThrownBy(() -> Producer.create(config, Serializers.string(), Serializers.string()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nio")
                .hasMessageContaining("netty")
                .hasMessageContaining("transport");
    }

    @ParameterizedTest(name = "transport={0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void theChosenTransportCarriesTheRecords(String transport, KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("selection-" + transport, 1);
        String clientId = "selection-" + transport;
        ProducerConfig config = ProducerConfig.builder().bootstrapServers(kafka.bootstrapServers())
                .clientId(clientId).transport(transport).build();
        boolean nettyLoopSeen;
        try (Producer<String, String> producer = Producer.create(config, Serializers.string(), Serializers.string())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, transport + "-" + i)).get(60, TimeUnit.SECONDS);
            }
            nettyLoopSeen = nettyEventLoopRunning("odradek-io-" + clientId);
        }

        assertThat(nettyLoopSeen).as("the I/O thread is a Netty event loop").isEqualTo(transport.equals("netty"));
        List<ConsumerRecord<byte[], byte[]>> read = kafka.readAll(topic, 5, TIMEOUT);
        assertThat(read).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly(transport + "-0", transport + "-1", transport + "-2", transport + "-3",
                        transport + "-4");
    }

    /** Netty runs its event loops on FastThreadLocalThreads; transport-nio on a plain Thread. */
    private static boolean nettyEventLoopRunning(String threadName) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(threadName))
                .anyMatch(t -> t.getClass().getName().equals("io.netty.util.concurrent.FastThreadLocalThread"));
    }
}
