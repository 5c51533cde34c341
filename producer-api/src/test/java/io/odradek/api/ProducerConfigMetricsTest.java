package io.odradek.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.odradek.api.plugins.RecordingInterceptor;
import io.odradek.api.plugins.RecordingReporter;

/** The metrics keys: honoured as Kafka 4.x honours them, or refused with the key named. */
class ProducerConfigMetricsTest {

    @Test
    void publishesToJmxWithKafkasSamplingByDefault() {
        ProducerConfig config = config();

        assertThat(config.jmxReporter()).isTrue();
        assertThat(config.metricReportersExplicit()).isFalse();
        assertThat(config.metricReporters()).isEmpty();
        assertThat(config.metricsNumSamples()).isEqualTo(2);
        assertThat(config.metricsSampleWindow()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.asMap()).containsEntry("metric.reporters", List.of("io.odradek.jmx.JmxReporter"))
                .containsEntry("metrics.recording.level", "INFO");
    }

    @Test
    void takesKafkasJmxReporterAsOdradeksAndAnEmptyListAsNoJmx() {
        assertThat(config("metric.reporters", "org.apache.kafka.common.metrics.JmxReporter").jmxReporter()).isTrue();
        assertThat(config("metric.reporters", "").jmxReporter()).isFalse();
        assertThat(config("metric.reporters", List.of()).jmxReporter()).isFalse();
    }

    @Test
    void createsAndConfiguresAReporterNamedByClassInsteadOfJmxAsKafkaDoes() {
        ProducerConfig config = config("metric.reporters", RecordingReporter.class.getName(), "audit.sink", "s3");

        assertThat(config.jmxReporter()).isFalse();
        RecordingReporter reporter = (RecordingReporter) config.metricReporters().get(0);
        assertThat(reporter.configs.get("audit.sink")).isEqualTo("s3");
        assertThat(reporter.configs.get("client.id")).isEqualTo(config.clientId());
    }

    @Test
    void keepsJmxBesideACustomReporterWhenBothAreListed() {
        ProducerConfig config = config("metric.reporters",
                "org.apache.kafka.common.metrics.JmxReporter," + RecordingReporter.class.getName());

        assertThat(config.jmxReporter()).isTrue();
        assertThat(config.metricReporters()).singleElement().isInstanceOf(RecordingReporter.class);
    }

    @Test
    void builderAddsAReporterInstanceBesideTheDefaultJmx() {
        RecordingReporter reporter = new RecordingReporter();
        ProducerConfig config = ProducerConfig.builder().bootstrapServers("localhost:9092").metricReporter(reporter)
                .build();

        assertThat(config.jmxReporter()).isTrue();
        assertThat(config.metricReporters()).containsExactly(reporter);
        assertThat(reporter.configs).as("an instance is used as given").isNull();
    }

    @Test
    void refusesAClassThatIsNoMetricsReporterNamingTheKey() {
        assertThatThrownBy(() -> config("metric.reporters", RecordingInterceptor.class.getName()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("metric.reporters")
                .hasMessageContaining("does not implement io.odradek.api.metrics.MetricsReporter");
        assertThatThrownBy(() -> config("metric.reporters", "com.example.NoSuchReporter"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("metric.reporters").hasMessageContaining("could not be found");
    }

    @Test
    void honoursTheSamplingKeysAndRefusesValuesOutOfRange() {
        ProducerConfig config = config("metrics.num.samples", "3", "metrics.sample.window.ms", "1000",
                "metrics.recording.level", "debug");

        assertThat(config.metricsNumSamples()).isEqualTo(3);
        assertThat(config.metricsSampleWindow()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.asMap()).containsEntry("metrics.recording.level", "DEBUG");
        assertThatThrownBy(() -> config("metrics.num.samples", "0"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("metrics.num.samples");
        assertThatThrownBy(() -> config("metrics.sample.window.ms", "0"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("metrics.sample.window.ms");
        assertThatThrownBy(() -> config("metrics.recording.level", "VERBOSE"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("metrics.recording.level")
                .hasMessageContaining("INFO, DEBUG, TRACE");
    }

    private static ProducerConfig config(Object... keysAndValues) {
        Map<String, Object> configs = new HashMap<>();
        configs.put("bootstrap.servers", "localhost:9092");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            configs.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return ProducerConfig.from(configs);
    }
}
