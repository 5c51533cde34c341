package io.odradek.tools.perf;

import io.odradek.api.Producer;
import io.odradek.api.ProducerRecord;

/** Odradek's own API. */
final class OdradekPerfProducer implements PerfProducer {
    private final Producer<byte[], byte[]> producer;

    OdradekPerfProducer(Producer<byte[], byte[]> producer) {
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
        producer.metrics().forEach((name, metric) -> metrics.put(name.group() + ":" + name.name() + ":" + name.tags(),
                metric.value()));
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
