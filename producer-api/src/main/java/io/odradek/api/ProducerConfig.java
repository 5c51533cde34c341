package io.odradek.api;

import static io.odradek.api.config.ProducerKeys.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.odradek.api.config.ConfigKey;
import io.odradek.api.config.ConfigValues;
import io.odradek.api.config.CrossKeyRules;
import io.odradek.api.config.MetricReporters;
import io.odradek.api.config.PluginLoader;
import io.odradek.api.config.Plugins;
import io.odradek.api.config.JaasConfig;
import io.odradek.api.config.ProducerKeys;
import io.odradek.api.config.SecurityKeys;
import io.odradek.api.metrics.MetricsReporter;
import io.odradek.api.security.OAuthBearerTokenProvider;
import io.odradek.api.security.SaslSettings;
import io.odradek.api.security.SecurityProtocol;
import io.odradek.api.security.SecuritySettings;
import io.odradek.api.spi.PluginFactory;

/**
 * Immutable, validated producer configuration, built with typed setters or from Kafka's key names.
 *
 * <pre>{@code
 * ProducerConfig config = ProducerConfig.builder()
 *         .bootstrapServers("broker-1:9092", "broker-2:9092")
 *         .acks(Acks.ALL)
 *         .linger(Duration.ofMillis(10))
 *         .compression(CompressionType.ZSTD, 6)
 *         .build();
 *
 * Properties properties = new Properties();
 * properties.setProperty("bootstrap.servers", "broker-1:9092");
 * properties.setProperty("linger.ms", "10");
 * ProducerConfig same = ProducerConfig.from(properties);
 * }</pre>
 *
 * <p>Keys, defaults and rules are Kafka 4.x's (see {@link ProducerKeys}). Every invalid value fails here,
 * at construction, with a {@link ConfigException} that names the key, the value and what is allowed; a
 * misspelt key fails with the known one it resembles. As in Kafka, idempotence that is only on by default is
 * turned off when {@code acks}, {@code retries} or {@code max.in.flight.requests.per.connection} conflict
 * with it, while an explicit {@code enable.idempotence=true} with such a conflict fails; a default
 * {@code delivery.timeout.ms} below {@code linger.ms + request.timeout.ms} is raised to that sum, an
 * explicit one fails; a backoff above its maximum is lowered to the maximum (KIP-580).
 *
 * <p>Plugins named by class ({@code partitioner.class}, {@code interceptor.classes}, {@code key.serializer},
 * {@code value.serializer}) are instantiated here and receive {@link #asMap()} in {@code configure}; plugin
 * instances handed to the builder are used as they are. Keys Odradek does not know are kept for the plugins,
 * as Kafka does (a key that is a likely misspelling of a known one fails instead); those that no plugin read
 * are logged once, at WARN. Kafka keys for features Odradek lacks are accepted only with the value that
 * describes what Odradek does, and refused with the reason otherwise (see {@code NotImplementedKeys}).
 */
public final class ProducerConfig {

    private static final AtomicInteger CLIENT_ID_SEQUENCE = new AtomicInteger();

    private final ConfigValues values;
    private final String clientId;
    private final Map<String, Object> settings;
    private final Plugins plugins;
    private final SecuritySettings security;

    private ProducerConfig(Map<?, ?> raw) {
        values = ConfigValues.parse(raw);
        CrossKeyRules.apply(values);
        clientId = values.get(CLIENT_ID) != null ? (String) values.get(CLIENT_ID) : defaultClientId(values);
        settings = settingsByKafkaName(values, clientId);
        security = SecurityKeys.resolve(values, settings);
        plugins = Plugins.create(values, settings);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads Kafka's key names; String values are parsed, typed values (Integer, Boolean, Class…) taken as they are. */
    public static ProducerConfig from(Properties properties) {
        Map<Object, Object> raw = new HashMap<>(properties);
        for (String name : properties.stringPropertyNames()) {
            // Values from a Properties' defaults are only visible through getProperty.
            raw.putIfAbsent(name, properties.getProperty(name));
        }
        return new ProducerConfig(raw);
    }

    /** Reads Kafka's key names; String values are parsed, typed values (Integer, Boolean, Class…) taken as they are. */
    public static ProducerConfig from(Map<String, ?> configs) {
        return new ProducerConfig(configs);
    }

    @SuppressWarnings("unchecked")
    public List<String> bootstrapServers() { return (List<String>) values.get(BOOTSTRAP_SERVERS); }
    public String clientId() { return clientId; }
    public Acks acks() { return (Acks) values.get(ACKS); }
    public Duration linger() { return millis(LINGER_MS); }
    public int batchSizeBytes() { return values.getInt(BATCH_SIZE); }
    public long bufferMemoryBytes() { return values.getLong(BUFFER_MEMORY); }
    public Duration maxBlock() { return millis(MAX_BLOCK_MS); }
    public Duration requestTimeout() { return millis(REQUEST_TIMEOUT_MS); }
    /** At least {@code linger + requestTimeout}: a default below that is raised to it, as Kafka does. */
    public Duration deliveryTimeout() { return millis(DELIVERY_TIMEOUT_MS); }
    public int retries() { return values.getInt(RETRIES); }
    /** The first retry's backoff; never above {@link #retryBackoffMax()} (KIP-580). */
    public Duration retryBackoff() { return millis(RETRY_BACKOFF_MS); }
    public Duration retryBackoffMax() { return millis(RETRY_BACKOFF_MAX_MS); }
    /** The first reconnect's backoff; never above {@link #reconnectBackoffMax()}. */
    public Duration reconnectBackoff() { return millis(RECONNECT_BACKOFF_MS); }
    public Duration reconnectBackoffMax() { return millis(RECONNECT_BACKOFF_MAX_MS); }
    public Duration socketConnectionSetupTimeout() { return millis(SOCKET_CONNECTION_SETUP_TIMEOUT_MS); }
    public int maxRequestSizeBytes() { return values.getInt(MAX_REQUEST_SIZE); }
    public int maxInFlightRequestsPerConnection() { return values.getInt(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION); }
    /** Effective: false when idempotence was on only by default and another setting conflicts with it. */
    public boolean idempotenceEnabled() { return values.getBoolean(ENABLE_IDEMPOTENCE); }
    public CompressionType compressionType() { return (CompressionType) values.get(COMPRESSION_TYPE); }

    /** The level for {@link #compressionType()}; its default level when none was set; 0 for none and snappy. */
    public int compressionLevel() {
        String levelKey = COMPRESSION_LEVEL_KEYS.get(compressionType());
        return levelKey == null ? 0 : values.getInt(levelKey);
    }

    /** Empty means the built-in partitioner (murmur2 for keys, sticky for null keys). */
    public Optional<Partitioner> partitioner() { return plugins.partitioner(); }
    public boolean partitionerIgnoreKeys() { return values.getBoolean(PARTITIONER_IGNORE_KEYS); }
    /** In the order configured; unmodifiable. */
    public List<ProducerInterceptor<?, ?>> interceptors() { return plugins.interceptors(); }
    /** From {@code key.serializer}; empty when unset (then {@link Producer#create} needs an instance). */
    public Optional<Serializer<?>> keySerializer() { return plugins.keySerializer(); }
    /** From {@code value.serializer}; empty when unset (then {@link Producer#create} needs an instance). */
    public Optional<Serializer<?>> valueSerializer() { return plugins.valueSerializer(); }
    public Duration metadataMaxAge() { return millis(METADATA_MAX_AGE_MS); }
    public Optional<String> transactionalId() { return Optional.ofNullable((String) values.get(TRANSACTIONAL_ID)); }
    public Duration transactionTimeout() { return millis(TRANSACTION_TIMEOUT_MS); }
    /** {@code nio} or {@code netty}; empty means whichever transport module is on the class path. */
    public Optional<String> transport() { return Optional.ofNullable((String) values.get(TRANSPORT)); }
    /**
     * The reporters of {@code metric.reporters} other than JMX, created and configured; the producer closes them
     * when it closes. Unmodifiable.
     */
    public List<MetricsReporter> metricReporters() { return plugins.metricReporters(); }

    /**
     * Whether {@code metric.reporters} names the JMX reporter (as it does by default, as Kafka 4.x's does): the
     * producer's metrics are then MBeans under Kafka's object names ({@code kafka.producer:type=...}).
     */
    public boolean jmxReporter() {
        return ((List<?>) values.get(METRIC_REPORTERS)).stream().anyMatch(MetricReporters::isJmx);
    }

    /** Whether {@code metric.reporters} was given, rather than left at its default (JMX). */
    public boolean metricReportersExplicit() { return values.isExplicitlySet(METRIC_REPORTERS); }
    public int metricsNumSamples() { return values.getInt(METRICS_NUM_SAMPLES); }
    public Duration metricsSampleWindow() { return millis(METRICS_SAMPLE_WINDOW_MS); }

    /** -1 means the operating system's default. */
    public int sendBufferBytes() { return values.getInt(SEND_BUFFER_BYTES); }
    /** -1 means the operating system's default. */
    public int receiveBufferBytes() { return values.getInt(RECEIVE_BUFFER_BYTES); }
    /** {@code security.protocol} and the TLS and SASL settings it needs, checked. */
    public SecuritySettings security() { return security; }

    /**
     * Every setting as Kafka's key names spell them, for plugins' {@code configure}: effective values
     * (after the cross-key rules), sorted by key, unmodifiable. Enums appear as Kafka spells them
     * ({@code "all"}, {@code "zstd"}), plugins as class names, lists as {@code List<String>}; unset
     * optional keys (e.g. {@code transactional.id}) are absent; keys Odradek does not know (the plugins'
     * own) and Kafka keys accepted with the value that describes Odradek ({@code NotImplementedKeys}) appear
     * as given.
     */
    public Map<String, Object> asMap() { return settings; }

    /** One {@code key = value} line per setting, sorted by key; passwords, keys and JAAS text show as [hidden]. */
    @Override
    public String toString() {
        return settings.entrySet().stream()
                .map(entry -> "    " + entry.getKey() + " = " + masked(entry.getKey(), entry.getValue()))
                .collect(Collectors.joining("\n", "ProducerConfig values:\n", ""));
    }

    private static Object masked(String key, Object value) {
        return SecurityKeys.SECRETS.contains(key) ? "[hidden]" : value;
    }

    private Duration millis(String key) {
        Object value = values.get(key);
        return Duration.ofMillis(((Number) value).longValue());
    }

    /** Kafka names a transactional producer after its transactional.id, which makes logs easier to follow. */
    private static String defaultClientId(ConfigValues values) {
        Object transactionalId = values.get(TRANSACTIONAL_ID);
        return "odradek-producer-" + (transactionalId != null ? transactionalId : CLIENT_ID_SEQUENCE.incrementAndGet());
    }

    private static Map<String, Object> settingsByKafkaName(ConfigValues values, String clientId) {
        Map<String, Object> settings = new TreeMap<>(values.pluginKeys());
        settings.putAll(values.acceptedKafkaKeys());
        for (ConfigKey key : ProducerKeys.all()) {
            Object value = values.get(key.name());
            if (value != null) {
                settings.put(key.name(), asKafkaValue(value));
            }
        }
        settings.put(CLIENT_ID, clientId);
        return new MaskedSettings(settings);
    }

    /** The settings map, unmodifiable, whose own {@code toString} hides secrets (a logged map must not leak). */
    private static final class MaskedSettings extends java.util.AbstractMap<String, Object> {
        private final Map<String, Object> settings;

        MaskedSettings(Map<String, Object> settings) {
            this.settings = Collections.unmodifiableMap(settings);
        }

        @Override
        public java.util.Set<Entry<String, Object>> entrySet() {
            return settings.entrySet();
        }

        @Override
        public Object get(Object key) {
            return settings.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return settings.containsKey(key);
        }

        @Override
        public String toString() {
            return settings.entrySet().stream().map(entry -> entry.getKey() + "=" + masked(entry.getKey(),
                    entry.getValue())).collect(Collectors.joining(", ", "{", "}"));
        }
    }

    private static Object asKafkaValue(Object value) {
        if (value instanceof Acks acks) {
            return acks.configValue();
        }
        if (value instanceof CompressionType type) {
            return type.configValue();
        }
        if (value instanceof SecurityProtocol protocol) {
            return protocol.name();
        }
        if (value instanceof OAuthBearerTokenProvider provider) {
            return provider.getClass().getName();
        }
        if (value instanceof Partitioner || value instanceof Serializer<?> || value instanceof Class<?>
                || value instanceof PluginFactory<?>) {
            return PluginLoader.className(value);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(element -> element instanceof String text ? text : PluginLoader.className(element))
                    .toList();
        }
        return value;
    }

    /**
     * Typed setters named after what they set; {@link #set(String, Object)} takes any Kafka key. Later
     * calls win. Nothing is validated until {@link #build()}, which applies exactly the rules of
     * {@link ProducerConfig#from(Map)}.
     */
    public static final class Builder {
        private final Map<String, Object> raw = new LinkedHashMap<>();

        private Builder() {
        }

        /** {@code host:port} entries; one argument may also be a comma list. */
        public Builder bootstrapServers(String... hostAndPorts) {
            return set(BOOTSTRAP_SERVERS, String.join(",", hostAndPorts));
        }

        public Builder clientId(String clientId) { return set(CLIENT_ID, clientId); }
        public Builder acks(Acks acks) { return set(ACKS, acks); }
        public Builder linger(Duration linger) { return set(LINGER_MS, linger.toMillis()); }
        public Builder batchSizeBytes(int batchSizeBytes) { return set(BATCH_SIZE, batchSizeBytes); }
        public Builder bufferMemoryBytes(long bufferMemoryBytes) { return set(BUFFER_MEMORY, bufferMemoryBytes); }
        public Builder maxBlock(Duration maxBlock) { return set(MAX_BLOCK_MS, maxBlock.toMillis()); }
        public Builder requestTimeout(Duration timeout) { return set(REQUEST_TIMEOUT_MS, timeout.toMillis()); }
        public Builder deliveryTimeout(Duration timeout) { return set(DELIVERY_TIMEOUT_MS, timeout.toMillis()); }
        public Builder retries(int retries) { return set(RETRIES, retries); }
        public Builder retryBackoff(Duration backoff) { return set(RETRY_BACKOFF_MS, backoff.toMillis()); }
        public Builder retryBackoffMax(Duration backoffMax) { return set(RETRY_BACKOFF_MAX_MS, backoffMax.toMillis()); }
        public Builder maxRequestSizeBytes(int maxRequestSizeBytes) { return set(MAX_REQUEST_SIZE, maxRequestSizeBytes); }

        public Builder maxInFlightRequestsPerConnection(int maxInFlight) {
            return set(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, maxInFlight);
        }

        public Builder idempotence(boolean enabled) { return set(ENABLE_IDEMPOTENCE, enabled); }
        public Builder compression(CompressionType type) { return set(COMPRESSION_TYPE, type); }

        /** Sets the codec and its level ({@code compression.<codec>.level}); the range is checked at build. */
        public Builder compression(CompressionType type, int level) {
            String levelKey = COMPRESSION_LEVEL_KEYS.get(type);
            if (levelKey == null) {
                throw new ConfigException("Invalid value '" + type.configValue() + "' for configuration "
                        + COMPRESSION_TYPE + " with level " + level + ": only gzip, lz4 and zstd have levels");
            }
            set(COMPRESSION_TYPE, type);
            return set(levelKey, level);
        }

        /** A partitioner instance, used as it is (its {@code configure} is not called). */
        public Builder partitioner(Partitioner partitioner) {
            return set(PARTITIONER_CLASS, Objects.requireNonNull(partitioner, "partitioner"));
        }

        /** A partitioner class with a public no-arg constructor, instantiated and configured at build. */
        public Builder partitionerClass(Class<? extends Partitioner> partitionerClass) {
            return set(PARTITIONER_CLASS, Objects.requireNonNull(partitionerClass, "partitionerClass"));
        }

        /** A key serializer class with a public no-arg constructor, instantiated and configured at build. */
        public Builder keySerializerClass(Class<? extends Serializer<?>> serializerClass) {
            return set(KEY_SERIALIZER, Objects.requireNonNull(serializerClass, "serializerClass"));
        }

        /** A value serializer class with a public no-arg constructor, instantiated and configured at build. */
        public Builder valueSerializerClass(Class<? extends Serializer<?>> serializerClass) {
            return set(VALUE_SERIALIZER, Objects.requireNonNull(serializerClass, "serializerClass"));
        }

        /** Appends an interceptor instance, used as it is, after any already configured. */
        public Builder interceptor(ProducerInterceptor<?, ?> interceptor) {
            Objects.requireNonNull(interceptor, "interceptor");
            List<Object> chain = new ArrayList<>();
            Object existing = raw.get(INTERCEPTOR_CLASSES);
            if (existing instanceof String names) {
                chain.addAll(List.of(names.split(",")));
            } else if (existing instanceof List<?> list) {
                chain.addAll(list);
            } else if (existing != null) {
                chain.add(existing);
            }
            chain.add(interceptor);
            return set(INTERCEPTOR_CLASSES, chain);
        }

        /**
         * Adds a metrics reporter instance, used as it is (its {@code configure} is not called), after those already
         * configured. Unlike a {@code metric.reporters} list, this keeps the JMX reporter when the key was not set:
         * {@code metricReporter(r)} means "JMX and r"; {@code set("metric.reporters", "")} first turns JMX off.
         */
        public Builder metricReporter(MetricsReporter reporter) {
            Objects.requireNonNull(reporter, "reporter");
            List<Object> reporters = new ArrayList<>();
            Object existing = raw.get(METRIC_REPORTERS);
            if (existing == null) {
                reporters.add(MetricReporters.JMX_REPORTER);
            } else if (existing instanceof String names) {
                reporters.addAll(List.of(names.split(",")));
            } else if (existing instanceof List<?> list) {
                reporters.addAll(list);
            } else {
                reporters.add(existing);
            }
            reporters.add(reporter);
            return set(METRIC_REPORTERS, reporters);
        }

        public Builder transactionalId(String transactionalId) { return set(TRANSACTIONAL_ID, transactionalId); }
        /** {@code nio} or {@code netty}. */
        public Builder transport(String transport) { return set(TRANSPORT, transport); }

        /** {@code security.protocol}: PLAINTEXT (the default), SSL, SASL_PLAINTEXT or SASL_SSL. */
        public Builder securityProtocol(SecurityProtocol protocol) {
            return set(SecurityKeys.SECURITY_PROTOCOL, Objects.requireNonNull(protocol, "protocol"));
        }

        /** Trusts the certificates in this JKS or PKCS12 file ({@code ssl.truststore.location} and password). */
        public Builder truststore(String location, String password) {
            set(SecurityKeys.SSL_TRUSTSTORE_LOCATION, location);
            return set(SecurityKeys.SSL_TRUSTSTORE_PASSWORD, password);
        }

        /** Presents the key and certificate in this JKS or PKCS12 file to the broker (mutual TLS). */
        public Builder keystore(String location, String password) {
            set(SecurityKeys.SSL_KEYSTORE_LOCATION, location);
            return set(SecurityKeys.SSL_KEYSTORE_PASSWORD, password);
        }

        /** SASL/PLAIN with these credentials; the same as Kafka's {@code PlainLoginModule} in sasl.jaas.config. */
        public Builder saslPlain(String username, String password) {
            return sasl(SaslSettings.PLAIN, JaasConfig.PLAIN_MODULE, username, password);
        }

        /** SASL/SCRAM-SHA-256 or SCRAM-SHA-512 ({@code mechanism}) with these credentials. */
        public Builder saslScram(String mechanism, String username, String password) {
            if (!mechanism.equals(SaslSettings.SCRAM_SHA_256) && !mechanism.equals(SaslSettings.SCRAM_SHA_512)) {
                throw new ConfigException("Invalid SCRAM mechanism '" + mechanism + "': expected "
                        + SaslSettings.SCRAM_SHA_256 + " or " + SaslSettings.SCRAM_SHA_512);
            }
            return sasl(mechanism, JaasConfig.SCRAM_MODULE, username, password);
        }

        /** SASL/OAUTHBEARER with tokens from {@code provider}, asked at every (re-)authentication. */
        public Builder saslOAuthBearer(OAuthBearerTokenProvider provider) {
            set(SecurityKeys.SASL_MECHANISM, SaslSettings.OAUTHBEARER);
            set(SecurityKeys.SASL_JAAS_CONFIG, null);
            return set(SecurityKeys.OAUTHBEARER_TOKEN_PROVIDER, Objects.requireNonNull(provider, "provider"));
        }

        private Builder sasl(String mechanism, String module, String username, String password) {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            set(SecurityKeys.SASL_MECHANISM, mechanism);
            return set(SecurityKeys.SASL_JAAS_CONFIG, module + " required username=\"" + jaasQuoted(username)
                    + "\" password=\"" + jaasQuoted(password) + "\";");
        }

        private static String jaasQuoted(String value) {
            return value.replace("\\", "\\\\").replace("\"", "\\\"");
        }

        /** Any Kafka key, with a String or typed value; null removes an earlier setting. */
        public Builder set(String kafkaKey, Object value) {
            Objects.requireNonNull(kafkaKey, "kafkaKey");
            if (value == null) {
                raw.remove(kafkaKey);
            } else {
                raw.put(kafkaKey, value);
            }
            return this;
        }

        public ProducerConfig build() {
            return new ProducerConfig(raw);
        }
    }
}
