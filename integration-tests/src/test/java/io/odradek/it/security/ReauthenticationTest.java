package io.odradek.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordFuture;
import io.odradek.api.Serializers;
import io.odradek.api.security.SecurityProtocol;
import io.odradek.it.transport.BothTransports;

/**
 * KIP-368 against a real broker whose SCRAM-SHA-256 sessions last four seconds: a producer that sends for more
 * than three sessions renews its sessions before they expire, on the same connections, and loses nothing.
 */
@BothTransports // so that the one secured broker of the JVM serves SecuredDeliveryTest too
@ExtendWith(SecuredKafka.class)
class ReauthenticationTest {

    @Test
    void renewsItsSessionBeforeTheBrokerEndsItWithoutLosingAConnectionOrARecord(SecuredKafka.Broker kafka)
            throws Exception {
        String topic = kafka.cluster().createTopic(SecuredKafka.TOPIC_PREFIX + "reauth", 2);
        ProducerConfig config = ProducerConfig.builder().bootstrapServers(kafka.saslPlaintext()).transport("nio")
                .securityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .saslScram("SCRAM-SHA-256", SecuredKafka.USER, SecuredKafka.PASSWORD)
                .linger(Duration.ofMillis(1))
                // Fresh metadata every second keeps the bootstrap connection busy too.
                .set("metadata.max.age.ms", 1000).build();
        long sendForNs = SecuredKafka.SHORT_SESSION.multipliedBy(3).plusSeconds(1).toNanos();
        List<RecordFuture> futures = new ArrayList<>();
        try (LogCapture logs = new LogCapture();
             Producer<String, String> producer = Producer.create(config, Serializers.string(), Serializers.string())) {
            long startNs = System.nanoTime();
            int i = 0;
            while (System.nanoTime() - startNs < sendForNs) {
                futures.add(producer.send(new ProducerRecord<>(topic, "k" + i % 2, "record-" + i)));
                i++;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            producer.flush();
            for (RecordFuture future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
            assertThat(logs.linesContaining("Re-authenticating the connection")).as("sessions renewed")
                    .hasSizeGreaterThanOrEqualTo(3);
            assertThat(logs.linesContaining(" lost: ")).as("connections lost").isEmpty();
            assertThat(logs.linesContaining("Closing connection")).isEmpty();
        }
        List<String> read = kafka.cluster().readAll(topic, futures.size(), Duration.ofSeconds(60)).stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).sorted().toList();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            sent.add("record-" + i);
        }
        assertThat(read).containsExactlyInAnyOrderElementsOf(sent).doesNotHaveDuplicates();
    }
}
