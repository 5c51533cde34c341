package io.odradek.it.produce;

import static io.odradek.it.produce.Odradek.ACK_TIMEOUT;
import static io.odradek.it.produce.Odradek.READ_TIMEOUT;
import static io.odradek.it.produce.Odradek.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.odradek.api.Header;
import io.odradek.api.Headers;
import io.odradek.api.Producer;
import io.odradek.api.ProducerInterceptor;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordMetadata;
import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;
import io.odradek.it.transport.BothTransports;

/** Interceptors see every record on its way out and every acknowledgement before the application does. */
@BothTransports
@ExtendWith(KafkaBrokerExtension.class)
class InterceptorTest {

    private static final int RECORDS = 2000;

    /** Stamps each record with a header and logs acknowledgements into the shared event log. */
    private static final class StampingInterceptor implements ProducerInterceptor<byte[], byte[]> {
        private final ConcurrentLinkedQueue<String> events;
        private int sends;

        StampingInterceptor(ConcurrentLinkedQueue<String> events) {
            this.events = events;
        }

        @Override
        public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
            Headers headers = new Headers();
            record.headers().forEach(headers::add);
            headers.add(Header.of("intercepted", "#" + sends++));
            return new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(), record.key(),
                    record.value(), headers);
        }

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
            events.add("ack " + where(metadata) + (exception == null ? "" : " " + exception));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void headerAddedInOnSendArrivesAndOnAcknowledgementRunsOncePerRecordBeforeTheCallback(
            String transport, KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("interceptor", 6);
        ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
        List<SentRecord> sent = new ArrayList<>();
        try (Producer<byte[], byte[]> producer = Odradek.producer(Odradek.config(kafka, transport)
                .interceptor(new StampingInterceptor(events)))) {
            SentRecords records = new SentRecords(producer);
            for (int i = 0; i < RECORDS; i++) {
                Headers headers = i % 2 == 0 ? Headers.of(Header.of("own", "h" + i)) : null;
                records.send(new ProducerRecord<>(topic, null, null, utf8("key-" + i), utf8("value-" + i), headers),
                        (metadata, exception) -> events.add("callback " + where(metadata)));
            }
            records.awaitAcknowledged(ACK_TIMEOUT);
            sent.addAll(records.all());
        }

        Map<String, List<String>> eventsByRecord = new HashMap<>();
        for (String event : events) {
            String[] parts = event.split(" ", 2);
            eventsByRecord.computeIfAbsent(parts[1], r -> new ArrayList<>()).add(parts[0]);
        }
        assertThat(eventsByRecord).hasSize(RECORDS);
        eventsByRecord.forEach((record, order) ->
                assertThat(order).as("events of record %s", record).containsExactly("ack", "callback"));

        List<ConsumerRecord<byte[], byte[]>> consumed = kafka.readAll(topic, RECORDS, READ_TIMEOUT);
        assertThat(consumed).hasSize(RECORDS);
        Map<String, ConsumerRecord<byte[], byte[]>> byValue = new HashMap<>();
        consumed.forEach(r -> byValue.put(Odradek.text(r.value()), r));
        for (SentRecord record : sent) {
            int i = record.sendIndex();
            ConsumerRecord<byte[], byte[]> stored = byValue.get("value-" + i);
            List<String> headers = new ArrayList<>();
            stored.headers().forEach(h -> headers.add(h.key() + "=" + Odradek.text(h.value())));
            if (i % 2 == 0) {
                assertThat(headers).containsExactly("own=h" + i, "intercepted=#" + i);
            } else {
                assertThat(headers).containsExactly("intercepted=#" + i);
            }
            assertThat(where(record.future().join())).isEqualTo(stored.partition() + "@" + stored.offset());
        }
    }

    private static String where(RecordMetadata metadata) {
        return metadata.partition() + "@" + metadata.offset();
    }
}
