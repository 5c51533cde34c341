package io.odradek.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.apache.kafka.common.quota.ClientQuotaFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.odradek.api.Producer;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordFuture;
import io.odradek.api.metrics.Metric;
import io.odradek.api.metrics.MetricName;
import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;
import io.odradek.it.produce.Odradek;

/**
 * KIP-219 against a real broker: with a producer_byte_rate quota on its client id, the broker answers at once with
 * throttle_time_ms and Odradek holds its requests back for that long (the batches wait for the connection, they are
 * not sent into a muted socket), reports it in the throttle metrics, keeps roughly to the quota, and still delivers
 * every record exactly once.
 */
@ExtendWith(KafkaBrokerExtension.class)
class QuotaThrottlingTest {
    private static final String CLIENT_ID = "quota-odradek";
    private static final double QUOTA_BYTES_PER_SECOND = 100_000;
    private static final int RECORDS = 1_500;
    private static final int VALUE_BYTES = 1_000;

    @Test
    void honoursAProducerByteRateQuotaAndReportsTheThrottle(KafkaCluster kafka) throws Exception {
        String topic = Odradek.createServingTopic(kafka, "quota", 1);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            setQuota(admin, QUOTA_BYTES_PER_SECOND);
            try {
                sendThrottled(kafka, topic);
            } finally {
                setQuota(admin, null);
            }
        }
    }

    private void sendThrottled(KafkaCluster kafka, String topic) throws Exception {
        List<RecordFuture> futures = new ArrayList<>();
        long startNs;
        long elapsedNs;
        Map<String, Double> metrics;
        try (Producer<byte[], byte[]> producer = Odradek.producer(Odradek.config(kafka, "nio").clientId(CLIENT_ID)
                .linger(Duration.ZERO).set("metric.reporters", ""))) {
            startNs = System.nanoTime();
            for (int i = 0; i < RECORDS; i++) {
                byte[] value = new byte[VALUE_BYTES];
                byte[] number = Odradek.utf8(Integer.toString(i));
                System.arraycopy(number, 0, value, 0, number.length);
                futures.add(producer.send(new ProducerRecord<>(topic, Odradek.utf8("k" + i), value)));
            }
            producer.flush();
            elapsedNs = System.nanoTime() - startNs;
            assertThat(futures).allSatisfy(future -> assertThat(future.join().offset()).isNotNegative());
            metrics = read(producer.metrics());
        }

        System.out.printf("quota run: %.1f s, metrics %s%n", elapsedNs / 1e9, metrics);
        assertThat(metrics.get("producer-metrics:produce-throttle-time-max")).as("the broker throttled us")
                .isPositive();
        assertThat(metrics.get("producer-metrics:produce-throttle-time-avg")).isPositive();
        assertThat(metrics.get("producer-latency-metrics:connection-wait-time-ms-max"))
                .as("batches waited for the throttled connection on the client, as KIP-219 asks")
                .isGreaterThan(100.0);
        // The broker lets a client burst about 10 windows' worth of quota (quota.window.num=11 of 1 s) before
        // it throttles, so the rest took at least about (total - 10 s x quota) / quota; asked for half of that.
        double totalBytes = (double) RECORDS * VALUE_BYTES;
        double expectedSeconds = (totalBytes - 10 * QUOTA_BYTES_PER_SECOND) / QUOTA_BYTES_PER_SECOND;
        assertThat(elapsedNs / 1e9).as("sending kept roughly to the quota").isGreaterThan(expectedSeconds / 2);

        List<ConsumerRecord<byte[], byte[]>> read = kafka.readAll(topic, RECORDS, Odradek.READ_TIMEOUT);
        Set<String> keys = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : read) {
            keys.add(Odradek.text(record.key()));
        }
        assertThat(read).hasSize(RECORDS);
        assertThat(keys).as("every record once").hasSize(RECORDS);
    }

    private static Map<String, Double> read(Map<MetricName, ? extends Metric> metrics) {
        Map<String, Double> values = new java.util.HashMap<>();
        metrics.forEach((name, metric) -> {
            if (name.tags().size() == 1) {
                values.put(name.group() + ":" + name.name(), metric.value());
            }
        });
        return values;
    }

    /** Sets (or with null removes) the client id's producer_byte_rate and waits until the cluster reports it. */
    private static void setQuota(Admin admin, Double bytesPerSecond) throws Exception {
        ClientQuotaEntity entity = new ClientQuotaEntity(Map.of(ClientQuotaEntity.CLIENT_ID, CLIENT_ID));
        admin.alterClientQuotas(List.of(new ClientQuotaAlteration(entity,
                List.of(new ClientQuotaAlteration.Op("producer_byte_rate", bytesPerSecond))))).all().get();
        Odradek.awaitCondition("the quota to be " + bytesPerSecond, Duration.ofSeconds(30), () -> {
            try {
                Map<String, Double> quotas = admin.describeClientQuotas(ClientQuotaFilter.all()).entities().get()
                        .getOrDefault(entity, Map.of());
                return bytesPerSecond == null ? !quotas.containsKey("producer_byte_rate")
                        : bytesPerSecond.equals(quotas.get("producer_byte_rate"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
