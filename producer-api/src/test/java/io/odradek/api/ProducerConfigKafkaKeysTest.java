package io.odradek.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.odradek.api.plugins.RegionPartitioner;

/**
 * Kafka's keys as a Kafka user brings them: plugins' own keys reach the plugins, typos still fail, keys
 * nobody reads are reported, and Kafka keys for features Odradek lacks are refused with the reason unless
 * their value describes what Odradek does.
 */
class ProducerConfigKafkaKeysTest {

    /** System.Logger goes to java.util.logging when no other backend is installed, as in this module's tests. */
    private final Logger julLogger = Logger.getLogger("io.odradek.api.ProducerConfig");
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureWarnings() {
        julLogger.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        julLogger.removeHandler(capture);
    }

    @Test
    void handsAKeyOdradekDoesNotKnowToThePluginsConfigure() {
        ProducerConfig config = config("partitioner.class", RegionPartitioner.class.getName(),
                "my.partitioner.region", "eu");

        assertThat(((RegionPartitioner) config.partitioner().orElseThrow()).region).isEqualTo("eu");
        assertThat(warnings()).isEmpty();
    }

    @Test
    void warnsOnceAboutKeysThatNoPluginRead() {
        config("partitioner.class", RegionPartitioner.class.getName(),
                "my.partitioner.region", "eu", "my.partitioner.zone", "a", "audit.topic.name", "audit");

        assertThat(warnings()).hasSize(1);
        assertThat(warnings().get(0)).contains("[audit.topic.name, my.partitioner.zone]")
                .doesNotContain("my.partitioner.region");
    }

    @Test
    void warnsWhenNoPluginIsThereToReadAKey() {
        config("my.partitioner.region", "eu");

        assertThat(warnings()).singleElement().asString().contains("[my.partitioner.region]");
    }

    @Test
    void stillRejectsAKeyThatLooksLikeAMisspellingOfAKnownOne() {
        assertThatThrownBy(() -> config("retry.backof.ms", "100"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Unknown configuration 'retry.backof.ms'; did you mean 'retry.backoff.ms'?");
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource(delimiter = '|', value = {
            "connections.max.idle.ms | 540000 | does not close idle connections itself | set it to -1",
            "metadata.max.idle.ms | 300000 | does not forget topics that have been idle | remove the key",
            "metadata.recovery.strategy | none | goes back to bootstrap.servers | set it to rebootstrap",
            "metadata.recovery.rebootstrap.trigger.ms | 300000 | as soon as no broker it knows | remove the key",
            "client.dns.lookup | use_all_dns_ips | first address | remove the key",
            "socket.connection.setup.timeout.max.ms | 30000 | does not grow the timeout | remove the key",
            "partitioner.adaptive.partitioning.enable | true | uniformly over the partitions that have a leader | set it to false",
            "partitioner.availability.timeout.ms | 1000 | leaves out only partitions without a leader | set it to 0",
            "enable.metrics.push | true | does not push client metrics | set it to false",
            "transaction.two.phase.commit.enable | true | two-phase commit with an external transaction manager | set it to false"})
    void refusesKafkaKeysForFeaturesOdradekLacksSayingWhy(String key, String value, String why, String remedy) {
        assertThatThrownBy(() -> config(key, value))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Unsupported value '" + value + "' for configuration " + key + ": ")
                .hasMessageContaining(why)
                .hasMessageContaining(remedy);
    }

    @ParameterizedTest(name = "{0}={1} is accepted")
    @CsvSource({
            "connections.max.idle.ms, -1",
            "metadata.recovery.strategy, REBOOTSTRAP",
            "partitioner.adaptive.partitioning.enable, false",
            "partitioner.availability.timeout.ms, 0",
            "enable.metrics.push, false",
            "transaction.two.phase.commit.enable, false"})
    void acceptsTheValueThatDescribesWhatOdradekDoes(String key, String value) {
        ProducerConfig config = config(key, value);

        assertThat(config.asMap()).containsEntry(key, value);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void acceptsTypedValuesForThoseKeysToo() {
        assertThat(config("connections.max.idle.ms", -1L).asMap()).containsEntry("connections.max.idle.ms", -1L);
        assertThat(config("enable.metrics.push", false).asMap()).containsEntry("enable.metrics.push", false);
    }

    @Test
    void refusesTheMetricsKeysOdradekHasNoSettingFor() {
        assertThatThrownBy(() -> config("metrics.context.env", "prod"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Unsupported configuration 'metrics.context.env': Odradek honours"
                        + " metric.reporters, metrics.num.samples, metrics.sample.window.ms and metrics.recording.level")
                .hasMessageEndingWith("; remove the key");
        assertThatThrownBy(() -> config("metrics.jmx.exclude", ".*"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'metrics.jmx.exclude'");
    }

    @Test
    void refusesSecurityProvidersSayingToRegisterThemWithTheJdk() {
        assertThatThrownBy(() -> config("security.providers", "com.example.Provider"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'security.providers'").hasMessageContaining("java.security.Security");
    }

    private List<String> warnings() {
        synchronized (logged) {
            return logged.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).toList();
        }
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
