package io.odradek.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.odradek.api.Producer;
import io.odradek.api.ProducerRecord;
import io.odradek.api.TimeoutException;

/** The README's "Testing your code" example, kept compiling and passing here. */
class ReadmeExampleTest {

    /** Application code: it is given the Producer interface, so a test can hand it a MockProducer. */
    static final class OrderService {
        private final Producer<String, String> producer;
        private final List<String> failedOrders = new CopyOnWriteArrayList<>();

        OrderService(Producer<String, String> producer) {
            this.producer = producer;
        }

        void placeOrder(String orderId) {
            producer.send(new ProducerRecord<>("orders", orderId, "{\"id\":\"" + orderId + "\"}"),
                    (metadata, error) -> {
                        if (error != null) {
                            failedOrders.add(orderId);
                        }
                    });
        }

        List<String> failedOrders() {
            return failedOrders;
        }
    }

    @Test
    void remembersAnOrderWhoseRecordFailed() {
        MockProducer<String, String> producer = new MockProducer<>(false);
        OrderService service = new OrderService(producer);

        service.placeOrder("order-17");
        service.placeOrder("order-18");
        producer.completeNext();
        producer.errorNext(new TimeoutException("delivery.timeout.ms passed"));

        assertEquals(List.of("order-17", "order-18"), producer.history().stream().map(ProducerRecord::key).toList());
        assertEquals(List.of("order-18"), service.failedOrders());
    }
}
