package io.odradek.api.spi;

import java.util.Map;

/**
 * Builds a plugin from the producer's final configuration: a value for {@code partitioner.class},
 * {@code interceptor.classes}, {@code key.serializer} or {@code value.serializer} besides a class name, a
 * {@code Class} or an instance. Adapters use it (the Kafka-clients compatibility module builds Kafka's
 * plugins this way); applications rarely need it.
 *
 * <pre>{@code
 * PluginFactory<Partitioner> regional = configs -> new RegionPartitioner(configs.get("my.region"));
 * ProducerConfig config = ProducerConfig.builder()
 *         .bootstrapServers("localhost:9092")
 *         .set("partitioner.class", regional)
 *         .set("my.region", "eu")
 *         .build();
 * }</pre>
 *
 * <p>{@link #create} runs once, while {@code ProducerConfig} is built, after every value has been checked;
 * what it throws fails the build with a {@link io.odradek.api.ConfigException} naming the key.
 */
@FunctionalInterface
public interface PluginFactory<T> {

    /**
     * @param configs the configuration as {@link io.odradek.api.ProducerConfig#asMap()} has it; the keys
     *                the plugin reads count as read (see the warning about keys nobody read)
     */
    T create(Map<String, ?> configs);

    /** How {@code asMap()} and error messages name what this factory builds, e.g. the class it instantiates. */
    default String pluginName() {
        return getClass().getName();
    }
}
