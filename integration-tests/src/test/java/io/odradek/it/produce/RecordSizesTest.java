package io.odradek.it.produce;

import static io.odradek.it.produce.Odradek.ACK_TIMEOUT;
import static io.odradek.it.produce.Odradek.READ_TIMEOUT;
import static io.odradek.it.produce.Odradek.utf8;

import java.util.Random;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.odradek.api.Header;
import io.odradek.api.Headers;
import io.odradek.api.Producer;
import io.odradek.api.ProducerRecord;
import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;
import io.odradek.it.transport.BothTransports;

/** Values from nothing to half a megabyte arrive byte for byte. */
@BothTransports
@ExtendWith(KafkaBrokerExtension.class)
class RecordSizesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void largeValuesUpToHalfAMegabyteArriveByteExactInOrder(String transport, KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("large", 3);
        Random random = new Random(500);
        try (Producer<byte[], byte[]> producer = Odradek.producer(Odradek.config(kafka, transport)
                .maxRequestSizeBytes(2 * 1024 * 1024))) {
            SentRecords sent = new SentRecords(producer);
            for (int i = 0; i < 24; i++) {
                int sizeBytes = i % 3 == 0 ? 500 * 1024 : random.nextInt(300 * 1024);
                Headers headers = Headers.of(new Header("big", DeliveryTest.randomBytes(random, i * 100)));
                sent.send(new ProducerRecord<>(topic, i % 3, null, utf8("large-" + i),
                        DeliveryTest.randomBytes(random, sizeBytes), headers));
            }
            sent.awaitAcknowledged(ACK_TIMEOUT);
            ReadBack.assertPartitionsHoldExactly(kafka.readAll(topic, sent.size(), READ_TIMEOUT), sent.all());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void emptyKeysValuesAndHeaderValuesStayEmptyAndNullsStayNull(String transport, KafkaCluster kafka)
            throws Exception {
        String topic = kafka.createTopic("empty", 1);
        byte[] empty = new byte[0];
        try (Producer<byte[], byte[]> producer = Odradek.producer(Odradek.config(kafka, transport))) {
            SentRecords sent = new SentRecords(producer);
            sent.send(new ProducerRecord<>(topic, 0, empty, empty));
            sent.send(new ProducerRecord<>(topic, 0, null, empty));
            sent.send(new ProducerRecord<>(topic, 0, empty, null));
            sent.send(new ProducerRecord<>(topic, 0, null, null));
            sent.send(new ProducerRecord<>(topic, 0, null, null, null,
                    Headers.of(new Header("empty", empty), new Header("null", null), new Header("", empty))));
            sent.send(new ProducerRecord<>(topic, 0, utf8("k"), utf8("v")));
            sent.awaitAcknowledged(ACK_TIMEOUT);
            ReadBack.assertPartitionsHoldExactly(kafka.readAll(topic, sent.size(), READ_TIMEOUT), sent.all());
        }
    }
}
