package io.odradek.api.config;

import static io.odradek.api.config.ProducerKeys.INTERCEPTOR_CLASSES;
import static io.odradek.api.config.ProducerKeys.KEY_SERIALIZER;
import static io.odradek.api.config.ProducerKeys.METRIC_REPORTERS;
import static io.odradek.api.config.ProducerKeys.PARTITIONER_CLASS;
import static io.odradek.api.config.ProducerKeys.VALUE_SERIALIZER;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import io.odradek.api.Partitioner;
import io.odradek.api.ProducerInterceptor;
import io.odradek.api.Serializer;
import io.odradek.api.metrics.MetricsReporter;

/**
 * The plugins of one configuration — partitioner, interceptors, serializers, metrics reporters — created from what the keys
 * name: classes are instantiated and configured, {@link io.odradek.api.spi.PluginFactory factories} run,
 * instances kept as given. Once all exist, the keys that only plugins could want and that none of them read
 * are logged, once, at WARN: Kafka hands unknown keys to plugins as well, and a misspelt plugin key would
 * otherwise be lost without a word.
 */
public final class Plugins {
    private static final System.Logger LOG = System.getLogger("io.odradek.api.ProducerConfig");

    private final Partitioner partitioner;
    private final List<ProducerInterceptor<?, ?>> interceptors;
    private final Serializer<?> keySerializer;
    private final Serializer<?> valueSerializer;
    private final List<MetricsReporter> metricReporters;

    private Plugins(Partitioner partitioner, List<ProducerInterceptor<?, ?>> interceptors, Serializer<?> keySerializer,
                    Serializer<?> valueSerializer, List<MetricsReporter> metricReporters) {
        this.partitioner = partitioner;
        this.interceptors = interceptors;
        this.keySerializer = keySerializer;
        this.valueSerializer = valueSerializer;
        this.metricReporters = metricReporters;
    }

    /**
     * Creates the plugins {@code values} names, each given {@code configs} (every setting by Kafka's names);
     * if one fails, those already created here are closed (the user's own instances are not).
     */
    public static Plugins create(ConfigValues values, Map<String, Object> configs) {
        ReadTrackingMap tracked = new ReadTrackingMap(configs);
        List<Object> created = new ArrayList<>();
        try {
            Partitioner partitioner = (Partitioner) create(PARTITIONER_CLASS, values.get(PARTITIONER_CLASS), tracked,
                    Partitioner.class, created);
            List<ProducerInterceptor<?, ?>> chain = new ArrayList<>();
            for (Object interceptor : (List<?>) values.get(INTERCEPTOR_CLASSES)) {
                chain.add((ProducerInterceptor<?, ?>) create(INTERCEPTOR_CLASSES, interceptor, tracked,
                        ProducerInterceptor.class, created));
            }
            Serializer<?> keySerializer = (Serializer<?>) create(KEY_SERIALIZER, values.get(KEY_SERIALIZER), tracked,
                    Serializer.class, created);
            Serializer<?> valueSerializer = (Serializer<?>) create(VALUE_SERIALIZER, values.get(VALUE_SERIALIZER),
                    tracked, Serializer.class, created);
            List<MetricsReporter> reporters = new ArrayList<>();
            for (Object reporter : (List<?>) values.get(METRIC_REPORTERS)) {
                if (!MetricReporters.isJmx(reporter)) {
                    reporters.add((MetricsReporter) create(METRIC_REPORTERS, reporter, tracked, MetricsReporter.class,
                            created));
                }
            }
            warnAboutUnreadKeys(values.pluginKeys().keySet(), tracked, configs.get(ProducerKeys.CLIENT_ID));
            return new Plugins(partitioner, Collections.unmodifiableList(chain), keySerializer, valueSerializer,
                    Collections.unmodifiableList(reporters));
        } catch (RuntimeException e) {
            for (Object plugin : created) {
                try {
                    ((AutoCloseable) plugin).close();
                } catch (Exception closeFailure) {
                    e.addSuppressed(closeFailure);
                }
            }
            throw e;
        }
    }

    /** The configured partitioner; empty means the built-in one. */
    public Optional<Partitioner> partitioner() {
        return Optional.ofNullable(partitioner);
    }

    /** In the order configured; unmodifiable. */
    public List<ProducerInterceptor<?, ?>> interceptors() {
        return interceptors;
    }

    public Optional<Serializer<?>> keySerializer() {
        return Optional.ofNullable(keySerializer);
    }

    public Optional<Serializer<?>> valueSerializer() {
        return Optional.ofNullable(valueSerializer);
    }

    /** The reporters of {@code metric.reporters} other than JMX, in the order configured; unmodifiable. */
    public List<MetricsReporter> metricReporters() {
        return metricReporters;
    }

    private static Object create(String key, Object plugin, Map<String, ?> configs, Class<?> type,
                                 List<Object> created) {
        if (plugin == null) {
            return null;
        }
        Object instance = PluginLoader.create(key, plugin, configs, type);
        if (instance != plugin) {
            created.add(instance);
        }
        return instance;
    }

    private static void warnAboutUnreadKeys(Iterable<String> pluginKeys, ReadTrackingMap tracked, Object clientId) {
        TreeSet<String> unread = new TreeSet<>();
        for (String key : pluginKeys) {
            if (!tracked.wasRead(key)) {
                unread.add(key);
            }
        }
        if (!unread.isEmpty()) {
            LOG.log(Level.WARNING, "[Producer clientId=" + clientId + "] Configuration keys " + unread + " were given, but Odradek does not know them and"
                    + " no plugin (partitioner, interceptor or serializer created from the configuration) read them;"
                    + " check their spelling and that the plugin meant to read them is configured");
        }
    }
}
