package io.odradek.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.odradek.api.Producer;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RetriableException;
import io.odradek.api.Serializers;

/** The README's fake cluster example ("Testing your code"), kept compiling and passing here. */
class ReadmeFakeClusterExampleTest {

    /** Application code with its own error handling: what the producer gave up on is kept or set aside. */
    static final class OrderPublisher {
        private final Producer<String, String> producer;
        private final List<String> retryLater = new CopyOnWriteArrayList<>();
        private final List<String> deadLetters = new CopyOnWriteArrayList<>();

        OrderPublisher(Producer<String, String> producer) {
            this.producer = producer;
        }

        void publish(String orderId) {
            producer.send(new ProducerRecord<>("orders", orderId, "{\"id\":\"" + orderId + "\"}"),
                    (metadata, error) -> {
                        if (error instanceof RetriableException) {
                            retryLater.add(orderId);    // the producer ran out of time: worth another go later
                        } else if (error != null) {
                            deadLetters.add(orderId);   // no retry can fix it
                        }
                    });
        }

        List<String> retryLater() {
            return retryLater;
        }

        List<String> deadLetters() {
            return deadLetters;
        }
    }

    private final FakeKafkaCluster cluster = FakeKafkaCluster.withBrokers(3).createTopic("orders", 1);
    private final Producer<String, String> producer = cluster.newProducer(Serializers.string(), Serializers.string(),
            config -> config.requestTimeout(Duration.ofSeconds(5)).deliveryTimeout(Duration.ofSeconds(30)));
    private final OrderPublisher publisher = new OrderPublisher(producer);

    @AfterEach
    void closeCluster() {
        cluster.close();
    }

    @Test
    void aLeaderChangeIsTheProducersBusinessNotThePublishers() {
        cluster.failNextProduce("orders", 0, BrokerError.NOT_LEADER_OR_FOLLOWER, 2);

        publisher.publish("order-17");
        producer.flush();

        assertEquals(List.of("order-17"),
                cluster.records("orders", 0).stream().map(StoredRecord::keyAsString).toList());
        assertEquals(List.of(), publisher.retryLater());
        assertEquals(List.of(), publisher.deadLetters());
    }

    @Test
    void anOrderTheBrokerRefusesIsSetAside() {
        cluster.failNextProduce("orders", 0, BrokerError.TOPIC_AUTHORIZATION_FAILED, 1);

        publisher.publish("order-18");
        producer.flush();

        assertEquals(List.of("order-18"), publisher.deadLetters());
    }

    @Test
    void anOrderWhoseBrokerIsGoneIsKeptForLater() {
        cluster.makeUnreachable(cluster.leaderOf("orders", 0));

        publisher.publish("order-19");
        cluster.awaitUntil(() -> !publisher.retryLater().isEmpty());   // 30 simulated seconds, a few real ms

        assertEquals(List.of("order-19"), publisher.retryLater());
    }
}
