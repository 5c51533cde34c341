package io.odradek.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.odradek.api.plugins.RegionSerializerFactory;
import io.odradek.api.serialization.IntegerSerializer;
import io.odradek.api.serialization.StringSerializer;
import io.odradek.api.spi.PluginFactory;

/** key.serializer and value.serializer by name, and what happens when an instance is given as well. */
class ProducerConfigSerializersTest {

    @Test
    void createsAndConfiguresSerializersNamedByClass() {
        ProducerConfig config = config("key.serializer", StringSerializer.class.getName(),
                "key.serializer.encoding", "UTF-16BE",
                "value.serializer", IntegerSerializer.class.getName());

        @SuppressWarnings("unchecked")
        Serializer<String> key = (Serializer<String>) config.keySerializer().orElseThrow();
        assertThat(key.serialize("t", "é")).isEqualTo("é".getBytes(StandardCharsets.UTF_16BE));
        assertThat(config.valueSerializer()).containsInstanceOf(IntegerSerializer.class);
        assertThat(config.asMap()).containsEntry("key.serializer", StringSerializer.class.getName());
    }

    @Test
    void aValueSerializerReadsOnlyItsOwnEncodingKey() {
        ProducerConfig config = config("value.serializer", StringSerializer.class.getName(),
                "key.serializer.encoding", "UTF-16BE");

        @SuppressWarnings("unchecked")
        Serializer<String> value = (Serializer<String>) config.valueSerializer().orElseThrow();
        assertThat(value.serialize("t", "é")).isEqualTo("é".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void failsForAClassThatIsNotAnOdradekSerializer() {
        assertThatThrownBy(() -> config("key.serializer", String.class.getName()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key.serializer").hasMessageContaining("does not implement io.odradek.api.Serializer");
        assertThatThrownBy(() -> config("value.serializer", "org.apache.kafka.common.serialization.StringSerializer"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.serializer").hasMessageContaining("could not be found");
    }

    @Test
    void failsWhenBothAnInstanceAndAClassNameAreGiven() {
        Properties properties = new Properties();
        properties.setProperty("bootstrap.servers", "localhost:9092");
        properties.setProperty("value.serializer", StringSerializer.class.getName());

        assertThatThrownBy(() -> Producer.create(properties, Serializers.string(), Serializers.string()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Both a serializer instance and the configuration value.serializer="
                        + StringSerializer.class.getName() + " were given: pass the instance or name the class, not both");
        ProducerConfig config = config("key.serializer", StringSerializer.class);
        assertThatThrownBy(() -> Producer.create(config, Serializers.string(), Serializers.string()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("configuration key.serializer=");
    }

    @Test
    void failsWhenNeitherAnInstanceNorAClassNameIsGiven() {
        ProducerConfig config = config("key.serializer", StringSerializer.class.getName());

        assertThatThrownBy(() -> Producer.create(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Missing required configuration value.serializer: name a class that implements"
                        + " io.odradek.api.Serializer");
    }

    @Test
    void buildsASerializerWithAPluginFactoryThatReadsItsOwnKey() {
        ProducerConfig config = config("value.serializer", new RegionSerializerFactory(), "my.serializer.prefix", "eu");

        @SuppressWarnings("unchecked")
        Serializer<String> value = (Serializer<String>) config.valueSerializer().orElseThrow();
        assertThat(value.serialize("t", "x")).isEqualTo("eu:x".getBytes(StandardCharsets.UTF_8));
        assertThat(config.asMap()).containsEntry("value.serializer", "com.example.PrefixingSerializer");
    }

    @Test
    void failsNamingTheKeyWhenAFactoryBuildsTheWrongKindOfPlugin() {
        PluginFactory<Object> wrong = configs -> "not a partitioner";

        assertThatThrownBy(() -> config("partitioner.class", wrong))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("for configuration partitioner.class")
                .hasMessageContaining("returned a java.lang.String, not a io.odradek.api.Partitioner");
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
