package io.odradek.api.config;

import java.util.List;
import java.util.stream.Collectors;

import io.odradek.api.ConfigException;

/** Builds the messages of {@link ConfigException}s so that every one names the key, the value and what is allowed. */
public final class ConfigErrors {

    private ConfigErrors() {
    }

    /** {@code Invalid value 'most' for configuration acks: allowed values are 0, 1, all (or -1)}. */
    public static ConfigException invalid(String key, Object value, String allowed) {
        return new ConfigException("Invalid value '" + describe(value) + "' for configuration " + key + ": " + allowed);
    }

    public static ConfigException invalid(String key, Object value, String allowed, Throwable cause) {
        return new ConfigException("Invalid value '" + describe(value) + "' for configuration " + key + ": " + allowed,
                cause);
    }

    /** Renders a value as a user would have typed it: class names for classes, comma lists for lists. */
    public static String describe(Object value) {
        if (value instanceof Class<?> type) {
            return type.getName();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ConfigErrors::describe).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }
}
