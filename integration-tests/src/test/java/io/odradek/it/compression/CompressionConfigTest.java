package io.odradek.it.compression;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.odradek.api.ConfigException;
import io.odradek.api.Producer;
import io.odradek.api.Serializers;

/** A codec or level the producer cannot use fails when the producer is created, naming the setting. */
class CompressionConfigTest {

    /** Never contacted: construction fails first. */
    private static final String NO_BROKER = "127.0.0.1:9";

    @ParameterizedTest
    @ValueSource(strings = {"brotli", "lz5", "", "gzip,snappy"})
    void unknownCompressionTypeFailsAtConstruction(String compressionType) {
        assertThatThrownBy(() -> Producer.create(Map.of("bootstrap.servers", NO_BROKER,
                "compression.type", compressionType), Serializers.string(), Serializers.string()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("compression.type");
    }

    @ParameterizedTest(name = "{0} level {1}")
    @CsvSource({"gzip, 0", "gzip, 10", "lz4, 0", "lz4, 18", "zstd, 23", "zstd, -131073"})
    void levelOutsideTheCodecsRangeFailsNamingItsLevelKey(String codec, int level) {
        String levelKey = "compression." + codec + ".level";

        assertThatThrownBy(() -> Producer.create(Map.of("bootstrap.servers", NO_BROKER,
                "compression.type", codec, levelKey, Integer.toString(level)),
                Serializers.string(), Serializers.string()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(levelKey)
                .hasMessageContaining(Integer.toString(level));
    }
}
