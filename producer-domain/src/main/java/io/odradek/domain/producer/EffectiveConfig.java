package io.odradek.domain.producer;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.odradek.api.ProducerConfig;

/**
 * The producer's effective configuration as one log message, one {@code key = value} line per setting, with the
 * values of secrets hidden as Kafka hides its password-typed ones: any key naming a password, secret, credential,
 * token or JAAS configuration, whoever it is for (a plugin's own keys included).
 */
final class EffectiveConfig {
    private static final Pattern SECRET = Pattern.compile("password|secret|credential|token|jaas|\\.key$",
            Pattern.CASE_INSENSITIVE);
    static final String HIDDEN = "[hidden]";

    private EffectiveConfig() {
    }

    static String describe(ProducerConfig config) {
        return config.asMap().entrySet().stream()
                .map(entry -> "    " + entry.getKey() + " = " + shown(entry))
                .collect(Collectors.joining("\n", "ProducerConfig values:\n", ""));
    }

    private static Object shown(Map.Entry<String, Object> entry) {
        return SECRET.matcher(entry.getKey()).find() && entry.getValue() != null ? HIDDEN : entry.getValue();
    }
}
