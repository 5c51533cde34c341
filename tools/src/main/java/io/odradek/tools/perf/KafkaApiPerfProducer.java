package io.odradek.tools.perf;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Kafka's {@code Producer} interface: {@code OdradekKafkaProducer} behind it ({@code --compat}, what a Kafka
 * application calls), or Kafka's own {@code KafkaProducer} ({@code --kafka-producer}, the reference).
 */
final class KafkaApiPerfProducer implements PerfProducer {
    private final Producer<byte[], byte[]> producer;

    KafkaApiPerfProducer(Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    @Override
    public void send(String topic, byte[] key, byte[] value, Acknowledgement acknowledgement) {
        producer.send(new ProducerRecord<>(topic, key, value), acknowledgement);
    }

    @Override
    public void awaitTopic(String topic) {
        producer.partitionsFor(topic);
    }

    @Override
    public java.util.SortedMap<String, Double> metrics() {
        java.util.SortedMap<String, Double> metrics = new java.util.TreeMap<>();
        producer.metrics().forEach((name, metric) -> {
            if (metric.metricValue() instanceof Number number) {
                metrics.put(name.group() + ":" + name.name() + ":" + name.tags(), number.doubleValue());
            }
        });
        return metrics;
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void initTransactions() {
        producer.initTransactions();
    }

    @Override
    public void beginTransaction() {
        producer.beginTransaction();
    }

    @Override
    public void commitTransaction() {
        producer.commitTransaction();
    }

    @Override
    public void close() {
        producer.close();
    }
}
