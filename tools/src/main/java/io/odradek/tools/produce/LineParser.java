package io.odradek.tools.produce;

import java.util.Properties;
import java.util.Set;

import io.odradek.tools.UsageException;

/**
 * Turns one line of input into a key and value, with the reader properties of Kafka's console producer
 * ({@code --property}): {@code parse.key} (default false), {@code key.separator} (default a tab),
 * {@code ignore.error} (a line without separator becomes a value with a null key instead of an error) and
 * {@code null.marker} (a key or value equal to it is sent as null). {@code parse.headers} is not supported.
 */
public final class LineParser {
    private static final Set<String> KNOWN = Set.of("parse.key", "key.separator", "ignore.error", "null.marker",
            "parse.headers", "headers.delimiter", "headers.separator", "headers.key.separator");

    private final boolean parseKey;
    private final String keySeparator;
    private final boolean ignoreError;
    private final String nullMarker;

    public LineParser(boolean parseKey, String keySeparator, boolean ignoreError, String nullMarker) {
        if (keySeparator.isEmpty()) {
            throw new IllegalArgumentException("key.separator must not be empty");
        }
        this.parseKey = parseKey;
        this.keySeparator = keySeparator;
        this.ignoreError = ignoreError;
        this.nullMarker = nullMarker;
    }

    /** From {@code --property} values; an unknown or unsupported property is a usage error naming it. */
    public static LineParser fromProperties(Properties properties) throws UsageException {
        for (String name : properties.stringPropertyNames()) {
            if (!KNOWN.contains(name)) {
                throw new UsageException("unknown --property " + name + " (known: parse.key, key.separator, "
                        + "ignore.error, null.marker)");
            }
        }
        if (Boolean.parseBoolean(properties.getProperty("parse.headers", "false").trim())) {
            throw new UsageException("--property parse.headers=true is not supported yet");
        }
        String keySeparator = properties.getProperty("key.separator", "\t");
        String nullMarker = properties.getProperty("null.marker");
        if (keySeparator.isEmpty()) {
            throw new UsageException("--property key.separator must not be empty");
        }
        if (nullMarker != null && nullMarker.equals(keySeparator)) {
            throw new UsageException("null.marker and key.separator may not be equal");
        }
        return new LineParser(
                Boolean.parseBoolean(properties.getProperty("parse.key", "false").trim()),
                keySeparator,
                Boolean.parseBoolean(properties.getProperty("ignore.error", "false").trim()),
                nullMarker);
    }

    /** {@code lineNumber} counts from 1 and appears in the error message. */
    public ParsedLine parse(String line, long lineNumber) throws LineFormatException {
        if (!parseKey) {
            return new ParsedLine(null, orNull(line));
        }
        int separator = line.indexOf(keySeparator);
        if (separator < 0) {
            if (ignoreError) {
                return new ParsedLine(null, orNull(line));
            }
            throw new LineFormatException("No key separator found on line number " + lineNumber + ": '" + line + "'");
        }
        return new ParsedLine(orNull(line.substring(0, separator)),
                orNull(line.substring(separator + keySeparator.length())));
    }

    private String orNull(String field) {
        return field.equals(nullMarker) ? null : field;
    }

    /** A record's key (null when not parsed) and value. */
    public record ParsedLine(String key, String value) {
    }
}
