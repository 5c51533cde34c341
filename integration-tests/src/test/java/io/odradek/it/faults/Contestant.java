package io.odradek.it.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One producer of a side-by-side run: Apache Kafka's or Odradek's on one transport, with one set of settings.
 *
 * @param producer which producer
 * @param settings its Kafka-style settings
 */
record Contestant(Producer producer, Settings settings) {

    /** Which producer. */
    enum Producer {
        KAFKA("kafka"),
        ODRADEK_NIO("odradek-nio"),
        ODRADEK_NETTY("odradek-netty");

        private final String label;

        Producer(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        boolean isOdradek() {
            return this != KAFKA;
        }

        StreamProducer create(Map<String, Object> kafkaProperties) {
            return switch (this) {
                case KAFKA -> new KafkaStreamProducer(kafkaProperties);
                case ODRADEK_NIO -> new OdradekStreamProducer(kafkaProperties, "nio");
                case ODRADEK_NETTY -> new OdradekStreamProducer(kafkaProperties, "netty");
            };
        }
    }

    /** The settings every scenario runs each producer with. */
    enum Settings {
        /** The producer's own defaults (Kafka 4.x's, which Odradek shares): acks=all, idempotence, retries unbounded. */
        DEFAULTS("defaults", Map.of()),
        /**
         * What {@code kafka-console-producer} sets unless told otherwise: tight timeouts and few retries, so
         * faults turn into failed records; "never worse than Kafka's producer" is tested here.
         */
        CONSOLE("console", Map.of("request.timeout.ms", 1500, "retries", 3, "linger.ms", 1000));

        private final String label;
        private final Map<String, Object> properties;

        Settings(String label, Map<String, Object> properties) {
            this.label = label;
            this.properties = properties;
        }

        String label() {
            return label;
        }

        Map<String, Object> properties() {
            return properties;
        }
    }

    /** Every producer with every settings: the six of each scenario, Kafka's first. */
    static List<Contestant> all() {
        List<Contestant> all = new ArrayList<>();
        for (Settings settings : Settings.values()) {
            for (Producer producer : Producer.values()) {
                all.add(new Contestant(producer, settings));
            }
        }
        return all;
    }

    /** {@code odradek-nio/console} */
    String label() {
        return producer.label() + "/" + settings.label();
    }

    /**
     * The Kafka-style properties of this contestant in a scenario: the cluster's bootstrap, a client id, the
     * settings, then the scenario's own overrides (e.g. a short {@code delivery.timeout.ms}).
     */
    Map<String, Object> properties(String bootstrapServers, Function<Settings, Map<String, Object>> scenarioOverrides) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("client.id", "faults-" + producer.label() + "-" + settings.label());
        properties.putAll(settings.properties());
        properties.putAll(scenarioOverrides.apply(settings));
        return properties;
    }
}
