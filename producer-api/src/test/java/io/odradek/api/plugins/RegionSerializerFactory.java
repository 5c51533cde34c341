package io.odradek.api.plugins;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.odradek.api.Serializer;
import io.odradek.api.spi.PluginFactory;

/** Builds a serializer from a plugin key of its own, as an adapter's factory would. */
public class RegionSerializerFactory implements PluginFactory<Serializer<String>> {
    @Override
    public Serializer<String> create(Map<String, ?> configs) {
        String prefix = configs.get("my.serializer.prefix") + ":";
        return (topic, data) -> (prefix + data).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String pluginName() {
        return "com.example.PrefixingSerializer";
    }
}
