package io.odradek.api.config;

import java.util.Objects;

/**
 * One row of the key table: a Kafka key name, its parser and its default.
 *
 * @param defaultValue the typed default, or {@code null} when the setting is absent unless the user sets it
 * @param required     whether construction fails when the user leaves it unset
 */
public record ConfigKey(String name, ValueParser parser, Object defaultValue, boolean required) {

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parser, "parser");
    }

    public static ConfigKey optional(String name, ValueParser parser, Object defaultValue) {
        return new ConfigKey(name, parser, defaultValue, false);
    }

    public static ConfigKey required(String name, ValueParser parser) {
        return new ConfigKey(name, parser, null, true);
    }

    public Object parse(Object raw) {
        return parser.parse(name, raw);
    }
}
