package io.odradek.api.config;

import static io.odradek.api.config.ProducerKeys.ACKS;
import static io.odradek.api.config.ProducerKeys.DELIVERY_TIMEOUT_MS;
import static io.odradek.api.config.ProducerKeys.ENABLE_IDEMPOTENCE;
import static io.odradek.api.config.ProducerKeys.LINGER_MS;
import static io.odradek.api.config.ProducerKeys.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION;
import static io.odradek.api.config.ProducerKeys.RECONNECT_BACKOFF_MAX_MS;
import static io.odradek.api.config.ProducerKeys.RECONNECT_BACKOFF_MS;
import static io.odradek.api.config.ProducerKeys.REQUEST_TIMEOUT_MS;
import static io.odradek.api.config.ProducerKeys.RETRIES;
import static io.odradek.api.config.ProducerKeys.RETRY_BACKOFF_MAX_MS;
import static io.odradek.api.config.ProducerKeys.RETRY_BACKOFF_MS;
import static io.odradek.api.config.ProducerKeys.TRANSACTIONAL_ID;

import java.util.ArrayList;
import java.util.List;

import io.odradek.api.Acks;
import io.odradek.api.ConfigException;

/** The rules that relate several keys, with the semantics of Kafka's own producer (3.2 and later). */
public final class CrossKeyRules {

    /** The idempotent producer keeps at most this many batches in flight per partition (KIP-98 sequence window). */
    public static final int MAX_IN_FLIGHT_FOR_IDEMPOTENCE = 5;

    private CrossKeyRules() {
    }

    /** Checks and resolves {@code values} in place; throws a {@link ConfigException} naming the keys involved. */
    public static void apply(ConfigValues values) {
        resolveIdempotence(values);
        requireIdempotenceForTransactions(values);
        resolveDeliveryTimeout(values);
        resolveBackoff(values, RETRY_BACKOFF_MS, RETRY_BACKOFF_MAX_MS);
        resolveBackoff(values, RECONNECT_BACKOFF_MS, RECONNECT_BACKOFF_MAX_MS);
    }

    /**
     * Idempotence needs acks=all, retries and at most five requests in flight. Kafka fails only when the
     * user asked for idempotence; when it is merely the default (KIP-679) it is turned off silently, so
     * that an application that sets acks=1 keeps working.
     */
    private static void resolveIdempotence(ConfigValues values) {
        if (!values.getBoolean(ENABLE_IDEMPOTENCE)) {
            return;
        }
        List<String> conflicts = new ArrayList<>();
        Acks acks = (Acks) values.get(ACKS);
        if (acks != Acks.ALL) {
            conflicts.add("acks=all (got acks=" + acks.configValue() + ")");
        }
        if (values.getInt(RETRIES) == 0) {
            conflicts.add("retries > 0 (got retries=0)");
        }
        int maxInFlight = values.getInt(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        if (maxInFlight > MAX_IN_FLIGHT_FOR_IDEMPOTENCE) {
            conflicts.add(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION + " <= " + MAX_IN_FLIGHT_FOR_IDEMPOTENCE
                    + " (got " + maxInFlight + ")");
        }
        if (conflicts.isEmpty()) {
            return;
        }
        if (values.isExplicitlySet(ENABLE_IDEMPOTENCE)) {
            throw new ConfigException("Invalid configuration: " + ENABLE_IDEMPOTENCE + "=true requires "
                    + String.join(" and ", conflicts) + "; change those or set " + ENABLE_IDEMPOTENCE + "=false");
        }
        values.put(ENABLE_IDEMPOTENCE, false);
    }

    private static void requireIdempotenceForTransactions(ConfigValues values) {
        if (values.get(TRANSACTIONAL_ID) == null || values.getBoolean(ENABLE_IDEMPOTENCE)) {
            return;
        }
        String why = values.isExplicitlySet(ENABLE_IDEMPOTENCE)
                ? ENABLE_IDEMPOTENCE + "=false"
                : "idempotence is off because acks=" + ((Acks) values.get(ACKS)).configValue() + ", retries="
                + values.getInt(RETRIES) + ", " + MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION + "="
                + values.getInt(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        throw new ConfigException("Invalid configuration: " + TRANSACTIONAL_ID + "='" + values.get(TRANSACTIONAL_ID)
                + "' requires " + ENABLE_IDEMPOTENCE + "=true, but " + why);
    }

    /**
     * KIP-91: a record must be allowed to wait for linger and one request. Kafka fails if the user set
     * delivery.timeout.ms too low, and raises it silently if only the default is too low.
     */
    private static void resolveDeliveryTimeout(ConfigValues values) {
        int deliveryTimeoutMs = values.getInt(DELIVERY_TIMEOUT_MS);
        long lingerMs = values.getLong(LINGER_MS);
        int requestTimeoutMs = values.getInt(REQUEST_TIMEOUT_MS);
        int minimumMs = (int) Math.min(Math.min(lingerMs, Integer.MAX_VALUE) + requestTimeoutMs, Integer.MAX_VALUE);
        if (deliveryTimeoutMs >= minimumMs) {
            return;
        }
        if (values.isExplicitlySet(DELIVERY_TIMEOUT_MS)) {
            throw new ConfigException("Invalid configuration: " + DELIVERY_TIMEOUT_MS + " (" + deliveryTimeoutMs
                    + ") must be at least " + LINGER_MS + " (" + lingerMs + ") + " + REQUEST_TIMEOUT_MS + " ("
                    + requestTimeoutMs + ") = " + minimumMs);
        }
        values.put(DELIVERY_TIMEOUT_MS, minimumMs);
    }

    /**
     * KIP-580 as Kafka documents it: when the initial backoff is above the maximum, the maximum is used
     * as a constant backoff from the first retry. So the effective initial backoff is the smaller value.
     */
    private static void resolveBackoff(ConfigValues values, String initialKey, String maxKey) {
        long initialMs = values.getLong(initialKey);
        long maxMs = values.getLong(maxKey);
        if (initialMs > maxMs) {
            values.put(initialKey, maxMs);
        }
    }
}
