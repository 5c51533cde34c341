package io.odradek.api.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.odradek.api.Acks;
import io.odradek.api.CompressionType;

/** Parsers for the value types of the key table. Each accepts the String form and the typed Java form. */
public final class Parsers {

    private Parsers() {
    }

    public static ValueParser intBetween(int min, int max) {
        return (key, raw) -> {
            long value = wholeNumber(key, raw, min, max);
            return (int) value;
        };
    }

    public static ValueParser longBetween(long min, long max) {
        return (key, raw) -> wholeNumber(key, raw, min, max);
    }

    public static ValueParser bool() {
        return (key, raw) -> {
            if (raw instanceof Boolean value) {
                return value;
            }
            if (raw instanceof String text) {
                String trimmed = text.trim().toLowerCase(Locale.ROOT);
                if (trimmed.equals("true") || trimmed.equals("false")) {
                    return Boolean.valueOf(trimmed);
                }
            }
            throw ConfigErrors.invalid(key, raw, "allowed values are true, false");
        };
    }

    /** A string kept as given apart from surrounding whitespace, as Kafka trims. */
    public static ValueParser nonEmptyString() {
        return (key, raw) -> {
            if (raw instanceof String text && !text.trim().isEmpty()) {
                return text.trim();
            }
            throw ConfigErrors.invalid(key, raw, "expected a non-empty string");
        };
    }

    /** One of {@code allowed}, compared case-insensitively and returned lower-case. */
    public static ValueParser oneOf(String... allowed) {
        List<String> values = List.of(allowed);
        return (key, raw) -> {
            if (raw instanceof String text) {
                String normalized = text.trim().toLowerCase(Locale.ROOT);
                if (values.contains(normalized)) {
                    return normalized;
                }
            }
            throw ConfigErrors.invalid(key, raw, "allowed values are " + String.join(", ", values));
        };
    }

    public static ValueParser acks() {
        return (key, raw) -> {
            if (raw instanceof Acks acks) {
                return acks;
            }
            Acks parsed = raw instanceof String || raw instanceof Number ? Acks.parse(raw.toString()) : null;
            if (parsed == null) {
                throw ConfigErrors.invalid(key, raw, "allowed values are 0, 1, all (or -1)");
            }
            return parsed;
        };
    }

    public static ValueParser compressionType() {
        return (key, raw) -> {
            if (raw instanceof CompressionType type) {
                return type;
            }
            CompressionType parsed = raw instanceof String text ? CompressionType.parse(text) : null;
            if (parsed == null) {
                throw ConfigErrors.invalid(key, raw, "allowed values are "
                        + String.join(", ", Arrays.stream(CompressionType.values())
                        .map(CompressionType::configValue).toList()));
            }
            return parsed;
        };
    }

    /** A level of {@code type}, checked against the codec's own range (KIP-390). */
    public static ValueParser compressionLevel(CompressionType type) {
        String allowed = "allowed range for " + type.configValue() + " is [" + type.minLevel() + ", "
                + type.maxLevel() + "]" + (type == CompressionType.GZIP ? " or -1 (the codec's default)" : "");
        return (key, raw) -> {
            int level = (int) wholeNumber(key, raw, Integer.MIN_VALUE, Integer.MAX_VALUE, allowed);
            if (!type.isValidLevel(level)) {
                throw ConfigErrors.invalid(key, raw, allowed);
            }
            return level;
        };
    }

    /**
     * A comma list (or a {@code List}) of {@code host:port}; IPv6 hosts in brackets ({@code [::1]:9092}).
     * Returns an unmodifiable {@code List<String>} of trimmed entries.
     */
    public static ValueParser bootstrapServers() {
        return (key, raw) -> {
            List<String> entries = stringList(key, raw, "expected a comma-separated list of host:port");
            if (entries.isEmpty()) {
                throw ConfigErrors.invalid(key, raw, "expected at least one host:port");
            }
            for (String entry : entries) {
                if (!isHostAndPort(entry)) {
                    throw ConfigErrors.invalid(key, raw, "'" + entry + "' is not host:port "
                            + "(a host name or address, then a port in [1, 65535]; IPv6 addresses in brackets)");
                }
            }
            return List.copyOf(entries);
        };
    }

    static boolean isHostAndPort(String entry) {
        int colon = entry.lastIndexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
            return false;
        }
        String host = entry.substring(0, colon);
        String port = entry.substring(colon + 1);
        if (!port.chars().allMatch(Character::isDigit) || port.length() > 5) {
            return false;
        }
        int portNumber = Integer.parseInt(port);
        if (portNumber < 1 || portNumber > 65535) {
            return false;
        }
        if (host.startsWith("[")) {
            return host.endsWith("]") && host.length() > 2 && host.substring(1, host.length() - 1).contains(":");
        }
        // A bare IPv6 address is ambiguous ("::1:9092"), so Kafka's form requires brackets for it.
        return !host.contains(":") && host.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.'
                || c == '-' || c == '_');
    }

    /** Splits a comma list, or copies a List of Strings; blank entries are dropped. */
    static List<String> stringList(String key, Object raw, String allowed) {
        List<String> entries = new ArrayList<>();
        if (raw instanceof String text) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    entries.add(part.trim());
                }
            }
            return entries;
        }
        if (raw instanceof List<?> list) {
            for (Object element : list) {
                if (!(element instanceof String text)) {
                    throw ConfigErrors.invalid(key, raw, allowed);
                }
                if (!text.isBlank()) {
                    entries.add(text.trim());
                }
            }
            return entries;
        }
        throw ConfigErrors.invalid(key, raw, allowed);
    }

    private static long wholeNumber(String key, Object raw, long min, long max) {
        return wholeNumber(key, raw, min, max, "allowed range is [" + min + ", " + max + "]");
    }

    private static long wholeNumber(String key, Object raw, long min, long max, String allowed) {
        long value;
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            value = ((Number) raw).longValue();
        } else if (raw instanceof String text) {
            try {
                value = Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw ConfigErrors.invalid(key, raw, "expected a whole number; " + allowed);
            }
        } else {
            throw ConfigErrors.invalid(key, raw, "expected a whole number; " + allowed);
        }
        if (value < min || value > max) {
            throw ConfigErrors.invalid(key, raw, allowed);
        }
        return value;
    }
}
