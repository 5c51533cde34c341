package io.odradek.api.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.odradek.api.ConfigException;

/**
 * One login module entry of {@code sasl.jaas.config} in the JAAS syntax Kafka accepts:
 * {@code <module class> <flag> [name=value ...];}, values bare or in double quotes (where a backslash escapes
 * the next character). Odradek reads the options itself; it loads no login module class.
 *
 * <p>Error messages name the key and the position, never the text: it holds a password.
 */
public record JaasConfig(String loginModule, Map<String, String> options) {

    public static final String PLAIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";
    public static final String SCRAM_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";
    public static final String OAUTHBEARER_MODULE = "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule";

    private static final Set<String> FLAGS = Set.of("required", "requisite", "sufficient", "optional");

    public JaasConfig {
        options = Map.copyOf(options);
    }

    /** Parses the one entry of {@code text}; a missing or second entry, or bad syntax, fails naming {@code key}. */
    public static JaasConfig parse(String key, String text) {
        return new Parser(key, text).entry();
    }

    /** The option, or null. */
    public String option(String name) {
        return options.get(name);
    }

    @Override
    public String toString() {
        return "JaasConfig(" + loginModule + ", options=" + options.keySet() + ")";
    }

    private static final class Parser {
        private final String key;
        private final String text;
        private int position;

        Parser(String key, String text) {
            this.key = key;
            this.text = text;
        }

        JaasConfig entry() {
            String module = word("a login module class name");
            String flag = word("a control flag (required, requisite, sufficient or optional)");
            if (!FLAGS.contains(flag.toLowerCase(java.util.Locale.ROOT))) {
                throw error("expected a control flag (required, requisite, sufficient or optional) after the module"
                        + " class name " + module);
            }
            Map<String, String> options = new LinkedHashMap<>();
            while (true) {
                skipSpace();
                if (position >= text.length()) {
                    throw error("the entry must end with ';'");
                }
                if (text.charAt(position) == ';') {
                    position++;
                    break;
                }
                String name = word("an option name");
                skipSpace();
                if (position >= text.length() || text.charAt(position) != '=') {
                    throw error("expected '=' after option " + name);
                }
                position++;
                options.put(name, value(name));
            }
            skipSpace();
            if (position < text.length()) {
                throw error("only one login module entry is allowed for a client");
            }
            return new JaasConfig(module, options);
        }

        private String word(String what) {
            skipSpace();
            int start = position;
            while (position < text.length() && isWordChar(text.charAt(position))) {
                position++;
            }
            if (start == position) {
                throw error("expected " + what);
            }
            return text.substring(start, position);
        }

        private String value(String name) {
            skipSpace();
            if (position < text.length() && text.charAt(position) == '"') {
                position++;
                StringBuilder value = new StringBuilder();
                while (position < text.length() && text.charAt(position) != '"') {
                    char c = text.charAt(position++);
                    if (c == '\\' && position < text.length()) {
                        c = text.charAt(position++);
                    }
                    value.append(c);
                }
                if (position >= text.length()) {
                    throw error("the value of option " + name + " has no closing quote");
                }
                position++;
                return value.toString();
            }
            int start = position;
            while (position < text.length() && !Character.isWhitespace(text.charAt(position))
                    && text.charAt(position) != ';') {
                position++;
            }
            if (start == position) {
                throw error("option " + name + " has no value");
            }
            return text.substring(start, position);
        }

        private void skipSpace() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        private static boolean isWordChar(char c) {
            return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '$' || c == '-';
        }

        private ConfigException error(String problem) {
            return new ConfigException("Invalid value for configuration " + key + " (at character " + position
                    + "; the value is not shown, it may hold a password): " + problem
                    + ". Expected e.g. " + PLAIN_MODULE + " required username=\"alice\" password=\"...\";");
        }
    }
}
