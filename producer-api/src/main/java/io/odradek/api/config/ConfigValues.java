package io.odradek.api.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.odradek.api.ConfigException;

/**
 * The typed values of one configuration: every key of {@link ProducerKeys} (the user's value or the
 * default), which keys the user set, the keys of Kafka's that Odradek accepted with the one value it can
 * honour ({@link NotImplementedKeys}), and the plugins' keys, as given. Cross-key rules
 * ({@link CrossKeyRules}) adjust it before {@code ProducerConfig} reads it.
 */
public final class ConfigValues {

    private final Map<String, Object> values = new HashMap<>();
    private final Set<String> explicitlySet = new HashSet<>();
    private final Map<String, Object> acceptedKafkaKeys = new TreeMap<>();
    private final Map<String, Object> pluginKeys = new TreeMap<>();

    private ConfigValues() {
    }

    /**
     * Parses {@code raw} key by key, in sorted key order so the first error reported does not depend on
     * a map's iteration order. A null value means "unset": the key keeps its default.
     */
    public static ConfigValues parse(Map<?, ?> raw) {
        Map<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> entry : raw.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new ConfigException("Invalid configuration key '" + entry.getKey()
                        + "': keys are Strings such as 'linger.ms'");
            }
            if (entry.getValue() != null) {
                sorted.put(key.trim(), entry.getValue());
            }
        }
        ConfigValues result = new ConfigValues();
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            result.accept(entry.getKey(), entry.getValue());
        }
        for (ConfigKey key : ProducerKeys.all()) {
            if (!result.explicitlySet.contains(key.name())) {
                if (key.required()) {
                    throw new ConfigException("Missing required configuration " + key.name());
                }
                result.values.put(key.name(), key.defaultValue());
            }
        }
        return result;
    }

    private void accept(String name, Object raw) {
        ConfigKey key = ProducerKeys.find(name);
        if (key != null) {
            values.put(name, key.parse(raw));
            explicitlySet.add(name);
        } else if (ProducerKeys.securityKeyRefusal(name) != null) {
            throw new ConfigException("Unsupported configuration '" + name + "': "
                    + ProducerKeys.securityKeyRefusal(name));
        } else if (NotImplementedKeys.covers(name)) {
            NotImplementedKeys.check(name, raw);
            acceptedKafkaKeys.put(name, raw);
        } else {
            // As in Kafka, a key the producer does not know belongs to a plugin; but one a few letters away
            // from a known key is far more likely a typo that would otherwise go unnoticed.
            String suggestion = KeySuggester.closest(name, ProducerKeys.knownNames()).orElse(null);
            if (suggestion != null) {
                throw new ConfigException("Unknown configuration '" + name + "'; did you mean '" + suggestion
                        + "'? (A plugin's own key must not be that close to one of the producer's.)");
            }
            pluginKeys.put(name, raw);
        }
    }

    /** Whether the user set {@code name} (to any value, even the default). */
    public boolean isExplicitlySet(String name) {
        return explicitlySet.contains(name);
    }

    /** The typed value; null only for optional keys that are unset. */
    public Object get(String name) {
        requireKnown(name);
        return values.get(name);
    }

    public int getInt(String name) {
        return (Integer) get(name);
    }

    public long getLong(String name) {
        return (Long) get(name);
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    /** Replaces a value, for cross-key rules that resolve one setting from others (as Kafka does). */
    void put(String name, Object value) {
        requireKnown(name);
        values.put(name, value);
    }

    /** Kafka's keys that Odradek accepted because their value describes what it does, as given. */
    public Map<String, Object> acceptedKafkaKeys() {
        return Collections.unmodifiableMap(acceptedKafkaKeys);
    }

    /** The keys Odradek does not know, kept as given for the plugins' {@code configure}. */
    public Map<String, Object> pluginKeys() {
        return Collections.unmodifiableMap(pluginKeys);
    }

    private static void requireKnown(String name) {
        if (ProducerKeys.find(name) == null) {
            throw new IllegalArgumentException("not a key of the table: " + name);
        }
    }
}
