package io.odradek.api.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.odradek.api.ConfigException;

/**
 * Kafka producer keys whose feature Odradek does not have. None is ignored: each is accepted only with the
 * value that describes what Odradek does anyway (e.g. {@code connections.max.idle.ms=-1}, "never close idle
 * connections"), and any other value fails at construction with a message that says what Odradek does
 * instead and how to change the configuration. A key with no such value is refused whatever its value.
 *
 * <p>Of Kafka's metrics keys, {@code metric.reporters}, {@code metrics.num.samples}, {@code metrics.sample.window.ms}
 * and {@code metrics.recording.level} are honoured ({@link ProducerKeys}); {@code enable.metrics.push} is accepted
 * only false, and the other {@code metrics.*} keys (Kafka's {@code metrics.context.*}, its JmxReporter's
 * {@code metrics.jmx.*}) are refused.
 */
public final class NotImplementedKeys {

    /** One refused feature: which values describe Odradek's behaviour, and why the others cannot be honoured. */
    record Rule(String key, String acceptedValue, Predicate<Object> accepts, String why) {
    }

    private static final String NO_SUCH_METRICS_KEY = "Odradek honours metric.reporters, metrics.num.samples,"
            + " metrics.sample.window.ms and metrics.recording.level, but has no other metrics.* setting (no metrics"
            + " context labels, no JMX include/exclude filter)";

    private static final Map<String, Rule> RULES = rules(
            new Rule("connections.max.idle.ms", "-1", number(-1),
                    "Odradek does not close idle connections itself (brokers close connections idle longer than"
                            + " their own connections.max.idle.ms, 10 minutes by default, and Odradek reconnects when it"
                            + " next sends)"),
            new Rule("metadata.max.idle.ms", null, value -> false,
                    "Odradek keeps the metadata of every topic the producer has sent to until it is closed; it does"
                            + " not forget topics that have been idle"),
            new Rule("metadata.recovery.strategy", "rebootstrap", text("rebootstrap"),
                    "Odradek always goes back to bootstrap.servers when no broker it knows from metadata can be"
                            + " reached (Kafka's rebootstrap)"),
            new Rule("metadata.recovery.rebootstrap.trigger.ms", null, value -> false,
                    "Odradek goes back to bootstrap.servers as soon as no broker it knows can be reached, not after a"
                            + " time without metadata"),
            new Rule("client.dns.lookup", null, value -> false,
                    "Odradek connects to the first address a broker's host name resolves to (resolved again on every"
                            + " reconnect); it neither tries each address in turn (use_all_dns_ips) nor expands"
                            + " bootstrap.servers to canonical names"),
            new Rule("socket.connection.setup.timeout.max.ms", null, value -> false,
                    "Odradek gives every connection attempt socket.connection.setup.timeout.ms; it does not grow"
                            + " the timeout towards a maximum"),
            new Rule("partitioner.adaptive.partitioning.enable", "false", text("false"),
                    "Odradek's built-in partitioner spreads records without keys uniformly over the partitions that"
                            + " have a leader (what Kafka does with this key false); it does not weigh partitions by"
                            + " the length of their brokers' queues"),
            new Rule("partitioner.availability.timeout.ms", "0", number(0),
                    "Odradek's built-in partitioner leaves out only partitions without a leader; it does not leave out"
                            + " those whose broker is slow to accept produce requests"),
            new Rule("enable.metrics.push", "false", text("false"),
                    "Odradek does not push client metrics to the broker (KIP-714)"),
            new Rule("transaction.two.phase.commit.enable", "false", text("false"),
                    "two-phase commit with an external transaction manager (KIP-939) is not supported"));

    /** Kafka's metrics keys Odradek does not act on (JmxReporter's, metrics.context.*) are refused. */
    private static final String METRICS_PREFIX = "metrics.";

    private NotImplementedKeys() {
    }

    /** Whether {@code key} is one of Kafka's keys whose feature Odradek does not have. */
    public static boolean covers(String key) {
        return RULES.containsKey(key) || key.startsWith(METRICS_PREFIX);
    }

    /** Every key of the table, for did-you-mean suggestions. */
    public static Set<String> names() {
        return RULES.keySet();
    }

    /**
     * Returns normally when {@code raw} is the value that describes Odradek's behaviour; otherwise throws a
     * {@link ConfigException} naming the key and saying why.
     */
    public static void check(String key, Object raw) {
        Rule rule = RULES.get(key);
        if (rule == null) {
            throw new ConfigException("Unsupported configuration '" + key + "': " + NO_SUCH_METRICS_KEY
                    + "; remove the key");
        }
        if (rule.accepts().test(raw)) {
            return;
        }
        String instead = rule.acceptedValue() == null ? "remove the key"
                : "remove the key or set it to " + rule.acceptedValue() + ", which describes what Odradek does";
        throw new ConfigException("Unsupported value '" + ConfigErrors.describe(raw) + "' for configuration " + key
                + ": " + rule.why() + "; " + instead);
    }

    private static Predicate<Object> number(long expected) {
        return raw -> {
            try {
                return raw instanceof Number n ? n.longValue() == expected
                        : Long.parseLong(String.valueOf(raw).trim()) == expected;
            } catch (NumberFormatException e) {
                return false;
            }
        };
    }

    /** Case-insensitive; a list is compared as its comma-joined text. */
    private static Predicate<Object> text(String expected) {
        return raw -> {
            String value = raw instanceof List<?> list
                    ? list.stream().map(String::valueOf).collect(Collectors.joining(",")) : String.valueOf(raw);
            return value.trim().toLowerCase(Locale.ROOT).equals(expected);
        };
    }

    private static Map<String, Rule> rules(Rule... rules) {
        return java.util.Arrays.stream(rules).collect(Collectors.toUnmodifiableMap(Rule::key, rule -> rule));
    }
}
