package io.odradek.kafka;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.common.serialization.Serializer;

import io.odradek.api.spi.PluginFactory;

/**
 * Kafka's plugins, named by class in Kafka's keys, as Odradek plugin factories: Odradek's configuration
 * builds them once it has checked every value, configures them as Kafka does ({@code configure} with the
 * configuration, {@code isKey} for serializers) and wraps each in its Odradek adapter. A partitioner or
 * interceptor given as an instance (which Kafka's producer refuses) is used as it is, not configured, as Kafka
 * treats serializer instances.
 */
final class KafkaPlugins {
    private KafkaPlugins() {
    }

    static PluginFactory<io.odradek.api.Serializer<?>> serializer(Object classOrName, boolean isKey) {
        return named(classOrName, configs -> {
            if (classOrName instanceof Serializer<?> instance) {
                return new KafkaSerializer<>(instance);
            }
            Serializer<?> serializer = instantiate(classOrName, Serializer.class);
            serializer.configure(configs, isKey);
            return new KafkaSerializer<>(serializer);
        });
    }

    static PluginFactory<io.odradek.api.Partitioner> partitioner(Object plugin) {
        return named(plugin, configs -> {
            if (plugin instanceof Partitioner instance) {
                return new KafkaPartitioner(instance);
            }
            Partitioner partitioner = instantiate(plugin, Partitioner.class);
            partitioner.configure(configs);
            return new KafkaPartitioner(partitioner);
        });
    }

    /** One factory per entry of {@code interceptor.classes} (a comma list or a list of names and classes). */
    static List<PluginFactory<io.odradek.api.ProducerInterceptor<?, ?>>> interceptors(Object classesOrNames) {
        List<PluginFactory<io.odradek.api.ProducerInterceptor<?, ?>>> factories = new ArrayList<>();
        for (Object entry : entries(classesOrNames)) {
            factories.add(named(entry, configs -> {
                if (entry instanceof ProducerInterceptor<?, ?> instance) {
                    return new KafkaInterceptor<>(instance);
                }
                ProducerInterceptor<?, ?> interceptor = instantiate(entry, ProducerInterceptor.class);
                interceptor.configure(configs);
                return new KafkaInterceptor<>(interceptor);
            }));
        }
        return factories;
    }

    /**
     * The entries of {@code metric.reporters} for Odradek: Kafka's JmxReporter and Odradek's own reporters as they
     * are, each of Kafka's {@code MetricsReporter}s instantiated, configured and fed Odradek's metrics.
     */
    static List<Object> metricReporters(Object classesOrNames) {
        List<Object> reporters = new ArrayList<>();
        for (Object entry : entries(classesOrNames)) {
            if (isKafkaReporter(entry)) {
                reporters.add(named(entry, configs -> {
                    MetricsReporter reporter = entry instanceof MetricsReporter instance ? instance
                            : instantiate(entry, MetricsReporter.class);
                    if (!(entry instanceof MetricsReporter)) {
                        reporter.configure(configs);
                    }
                    return new KafkaMetricsReporter(reporter);
                }));
            } else {
                reporters.add(entry);
            }
        }
        return reporters;
    }

    /** Whether an entry is one of Kafka's reporters, other than its JmxReporter, which Odradek's JMX stands for. */
    private static boolean isKafkaReporter(Object entry) {
        if (entry instanceof MetricsReporter) {
            return !(entry instanceof JmxReporter);
        }
        if (entry instanceof Class<?> type) {
            return MetricsReporter.class.isAssignableFrom(type) && type != JmxReporter.class;
        }
        if (entry instanceof String name && !name.equals(JmxReporter.class.getName())) {
            try {
                return MetricsReporter.class.isAssignableFrom(load(name));
            } catch (KafkaException e) {
                return false;
            }
        }
        return false;
    }

    private static List<Object> entries(Object classesOrNames) {
        List<Object> entries = new ArrayList<>();
        if (classesOrNames instanceof String text) {
            for (String name : text.split(",")) {
                if (!name.isBlank()) {
                    entries.add(name.trim());
                }
            }
        } else if (classesOrNames instanceof List<?> list) {
            entries.addAll(list);
        } else if (classesOrNames != null) {
            entries.add(classesOrNames);
        }
        return entries;
    }

    /** Loads (with the context class loader first, as Kafka does) and instantiates a Kafka plugin class. */
    static <T> T instantiate(Object classOrName, Class<T> type) {
        Class<?> pluginClass;
        if (classOrName instanceof Class<?> given) {
            pluginClass = given;
        } else {
            pluginClass = load(String.valueOf(classOrName).trim());
        }
        if (!type.isAssignableFrom(pluginClass)) {
            throw new KafkaException(pluginClass.getName() + " is not an instance of " + type.getName());
        }
        try {
            return type.cast(pluginClass.getDeclaredConstructor().newInstance());
        } catch (InvocationTargetException e) {
            throw new KafkaException("Could not instantiate class " + pluginClass.getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new KafkaException("Could not instantiate class " + pluginClass.getName()
                    + ": it needs a public no-argument constructor", e);
        }
    }

    private static Class<?> load(String name) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {context, KafkaPlugins.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(name, true, loader);
            } catch (ClassNotFoundException e) {
                // The next loader may see it: application servers often put plugins only on the context loader.
            }
        }
        throw new KafkaException("Class " + name + " cannot be found");
    }

    private static <T> PluginFactory<T> named(Object plugin, PluginFactory<T> factory) {
        String name = plugin instanceof Class<?> type ? type.getName()
                : plugin instanceof String text ? text.trim() : plugin.getClass().getName();
        return new PluginFactory<>() {
            @Override
            public T create(Map<String, ?> configs) {
                return factory.create(configs);
            }

            @Override
            public String pluginName() {
                return name;
            }
        };
    }
}
