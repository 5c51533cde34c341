package io.odradek.api.metrics;

import java.util.List;
import java.util.Map;

/**
 * Hears of a producer's metrics as they are created and removed: the plugin behind {@code metric.reporters}, as
 * Kafka's {@code MetricsReporter} is behind Kafka's. Odradek's JMX support is one ({@code io.odradek.jmx.JmxReporter},
 * the default); the {@code odradek-micrometer} module has another.
 *
 * <pre>{@code
 * ProducerConfig config = ProducerConfig.builder()
 *         .bootstrapServers("localhost:9092")
 *         .metricReporter(new MicrometerReporter(meterRegistry))   // JMX stays on, as by default
 *         .build();
 * }</pre>
 *
 * <p>{@link #init} and {@link #metricChange} run on the thread that creates the producer or first records to a new
 * topic or broker (an application thread or the producer's I/O thread): keep them short and never block. A
 * reporter reads values when it wants them, through {@link Metric#value()}.
 */
public interface MetricsReporter extends AutoCloseable {

    /** Given the settings by Kafka's key names, when the reporter was named by class in the configuration. */
    default void configure(Map<String, ?> configs) {
    }

    /** The metrics that exist when the producer starts. */
    void init(List<Metric> metrics);

    /** A metric was added (a topic was first sent to, a broker first connected to). */
    void metricChange(Metric metric);

    /** A metric was removed. */
    void metricRemoval(Metric metric);

    /** The producer is closing; every metric is gone. */
    @Override
    void close();
}
