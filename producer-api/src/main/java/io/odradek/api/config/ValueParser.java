package io.odradek.api.config;

/**
 * Turns what a user passed for one key (a String from a properties file or a typed Java value) into the
 * typed value, or throws a {@link io.odradek.api.ConfigException} naming the key, the value and what is
 * allowed. Factories live in {@link Parsers}.
 */
@FunctionalInterface
public interface ValueParser {

    /** @param raw never null */
    Object parse(String key, Object raw);
}
