package io.odradek.domain.metrics;

import java.util.HashMap;
import java.util.Map;

/**
 * What happens to batches and records, as Kafka's producer counts it in {@code producer-metrics} and per topic in
 * {@code producer-topic-metrics}: records and bytes sent (counted when their request is sent, retries included,
 * as Kafka counts them), retried, failed; batch sizes, queue times, compression, throttling. Recorded once per
 * batch or request, on the I/O thread; {@link #failedAtSend} on application threads.
 */
public final class SendMetrics {
    private final MetricRegistry registry;
    private final MetricNames names;
    private final Sensor recordsSent;
    private final Sensor batchSize;
    private final Sensor queueTime;
    private final Sensor compressionRate;
    private final Sensor recordSize;
    private final Sensor recordsPerRequest;
    private final Sensor retries;
    private final Sensor errors;
    private final Sensor throttleTime;
    /** I/O thread only: topics are added when their first batch is sent. */
    private final Map<String, TopicSensors> topics = new HashMap<>();

    public SendMetrics(MetricRegistry registry, MetricNames names) {
        this.registry = registry;
        this.names = names;
        recordsSent = registry.sensor()
                .sumRate(names.producer("record-send-rate", "The average number of records sent per second."))
                .total(names.producer("record-send-total", "The total number of records sent."));
        batchSize = registry.sensor()
                .avg(names.producer("batch-size-avg", "The average number of bytes sent per partition per-request."))
                .max(names.producer("batch-size-max", "The max number of bytes sent per partition per-request."));
        queueTime = registry.sensor()
                .avg(names.producer("record-queue-time-avg",
                        "The average time in ms record batches spent in the send buffer."))
                .max(names.producer("record-queue-time-max",
                        "The maximum time in ms record batches spent in the send buffer."));
        compressionRate = registry.sensor()
                .avg(names.producer("compression-rate-avg", "The average compression rate of record batches, defined"
                        + " as the average ratio of the compressed batch size over the uncompressed size."));
        recordSize = registry.sensor()
                .avg(names.producer("record-size-avg", "The average record size"))
                .max(names.producer("record-size-max", "The maximum record size"));
        recordsPerRequest = registry.sensor()
                .avg(names.producer("records-per-request-avg", "The average number of records per request."));
        retries = registry.sensor()
                .sumRate(names.producer("record-retry-rate", "The average per-second number of retried record sends"))
                .total(names.producer("record-retry-total", "The total number of retried record sends"));
        errors = registry.sensor()
                .sumRate(names.producer("record-error-rate",
                        "The average per-second number of record sends that resulted in errors"))
                .total(names.producer("record-error-total", "The total number of record sends that resulted in errors"));
        throttleTime = registry.sensor()
                .avg(names.producer("produce-throttle-time-avg",
                        "The average time in ms a request was throttled by a broker"))
                .max(names.producer("produce-throttle-time-max",
                        "The maximum time in ms a request was throttled by a broker"));
        // Odradek never splits a batch (a batch too large for the broker fails with RecordTooLargeException), so
        // these stay 0: measured, as there is nothing to record.
        registry.sensor()
                .sumRate(names.producer("batch-split-rate", "The average number of batch splits per second"))
                .total(names.producer("batch-split-total", "The total number of batch splits"));
    }

    /**
     * A batch goes out in a request.
     *
     * @param compressionRatio its size over its size before compression (1 without compression)
     * @param maxRecordBytes   the largest record appended to it, as encoded
     * @param queueTimeMs      since the batch was created
     */
    public void batchSent(String topic, int records, int sizeBytes, double compressionRatio, int maxRecordBytes,
                          double queueTimeMs, long nowMs) {
        recordsSent.record(records, nowMs);
        batchSize.record(sizeBytes, nowMs);
        queueTime.record(queueTimeMs, nowMs);
        compressionRate.record(compressionRatio, nowMs);
        recordSize.record(maxRecordBytes, nowMs);
        TopicSensors topicSensors = topic(topic);
        topicSensors.recordsSent.record(records, nowMs);
        topicSensors.bytes.record(sizeBytes, nowMs);
        topicSensors.compressionRate.record(compressionRatio, nowMs);
    }

    /** A Produce request with {@code records} records in all went out. */
    public void requestSent(int records, long nowMs) {
        recordsPerRequest.record(records, nowMs);
    }

    /** A batch's records will be sent again. */
    public void retried(String topic, int records, long nowMs) {
        retries.record(records, nowMs);
        topic(topic).retries.record(records, nowMs);
    }

    /** A batch's records failed for good (I/O thread). */
    public void failed(String topic, int records, long nowMs) {
        errors.record(records, nowMs);
        topic(topic).errors.record(records, nowMs);
    }

    /** A record failed before it reached a batch (any thread): too large, no memory in time, a fatal error. */
    public void failedAtSend(long nowMs) {
        errors.record(1, nowMs);
    }

    /** A Produce response's throttle_time_ms (0 when the broker did not throttle). */
    public void produceThrottled(int throttleTimeMs, long nowMs) {
        throttleTime.record(throttleTimeMs, nowMs);
    }

    private TopicSensors topic(String topic) {
        TopicSensors sensors = topics.get(topic);
        if (sensors == null) {
            sensors = new TopicSensors(topic);
            topics.put(topic, sensors);
        }
        return sensors;
    }

    private final class TopicSensors {
        final Sensor recordsSent;
        final Sensor bytes;
        final Sensor compressionRate;
        final Sensor retries;
        final Sensor errors;

        TopicSensors(String topic) {
            recordsSent = registry.sensor()
                    .sumRate(names.topic(topic, "record-send-rate",
                            "The average number of records sent per second for a topic."))
                    .total(names.topic(topic, "record-send-total", "The total number of records sent for a topic."));
            bytes = registry.sensor()
                    .sumRate(names.topic(topic, "byte-rate", "The average number of bytes sent per second for a topic."))
                    .total(names.topic(topic, "byte-total", "The total number of bytes sent for a topic."));
            compressionRate = registry.sensor()
                    .avg(names.topic(topic, "compression-rate", "The average compression rate of record batches for a"
                            + " topic, defined as the average ratio of the compressed batch size over the uncompressed"
                            + " size."));
            retries = registry.sensor()
                    .sumRate(names.topic(topic, "record-retry-rate",
                            "The average per-second number of retried record sends for a topic"))
                    .total(names.topic(topic, "record-retry-total",
                            "The total number of retried record sends for a topic"));
            errors = registry.sensor()
                    .sumRate(names.topic(topic, "record-error-rate",
                            "The average per-second number of record sends that resulted in errors for a topic"))
                    .total(names.topic(topic, "record-error-total",
                            "The total number of record sends that resulted in errors for a topic"));
        }
    }
}
