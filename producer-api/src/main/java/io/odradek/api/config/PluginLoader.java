package io.odradek.api.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.odradek.api.Partitioner;
import io.odradek.api.ProducerInterceptor;
import io.odradek.api.Serializer;
import io.odradek.api.metrics.MetricsReporter;
import io.odradek.api.spi.PluginFactory;


/**
 * Loads and instantiates plugin classes named in the configuration ({@code partitioner.class},
 * {@code interceptor.classes}, {@code key.serializer}, {@code value.serializer}). Checking the interface when parsing, and instantiating only once the whole
 * configuration is valid, means a bad setting elsewhere never leaves a half-configured plugin behind.
 */
public final class PluginLoader {

    private PluginLoader() {
    }

    /**
     * A parser for a single plugin: a class name, a {@code Class}, or an instance of {@code type} (kept
     * as given). The result is a {@code Class} that implements {@code type} and has a public no-arg
     * constructor, or the instance.
     */
    public static ValueParser plugin(Class<?> type) {
        return (key, raw) -> toClassOrInstance(key, raw, raw, type);
    }

    /** A parser for a comma list (or {@code List}) of plugins; the result is an unmodifiable list. */
    public static ValueParser plugins(Class<?> type) {
        return (key, raw) -> {
            List<Object> result = new ArrayList<>();
            if (raw instanceof String text) {
                for (String name : Parsers.stringList(key, text, "")) {
                    result.add(toClassOrInstance(key, raw, name, type));
                }
            } else if (raw instanceof List<?> list) {
                for (Object element : list) {
                    if (!(element instanceof String name && name.isBlank())) {
                        result.add(toClassOrInstance(key, raw, element, type));
                    }
                }
            } else {
                result.add(toClassOrInstance(key, raw, raw, type));
            }
            return List.copyOf(result);
        };
    }

    /**
     * Instantiates {@code plugin} if it is a class, or has its {@link PluginFactory} build it, and passes
     * {@code configs} to a class's {@code configure} ({@code configure(configs, isKey)} for a serializer).
     * Instances are returned unchanged and not configured: the user built them, as Kafka does with
     * serializer instances.
     */
    public static Object create(String key, Object plugin, Map<String, ?> configs, Class<?> type) {
        if (plugin instanceof PluginFactory<?> factory) {
            return build(key, factory, configs, type);
        }
        if (!(plugin instanceof Class<?> pluginClass)) {
            return plugin;
        }
        Object instance;
        try {
            instance = pluginClass.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw ConfigErrors.invalid(key, pluginClass, "the constructor of " + pluginClass.getName() + " threw "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw ConfigErrors.invalid(key, pluginClass, "could not instantiate " + pluginClass.getName() + ": " + e, e);
        }
        try {
            if (instance instanceof Partitioner partitioner) {
                partitioner.configure(configs);
            } else if (instance instanceof ProducerInterceptor<?, ?> interceptor) {
                interceptor.configure(configs);
            } else if (instance instanceof Serializer<?> serializer) {
                serializer.configure(configs, key.equals(ProducerKeys.KEY_SERIALIZER));
            } else if (instance instanceof MetricsReporter reporter) {
                reporter.configure(configs);
            }
        } catch (RuntimeException e) {
            throw ConfigErrors.invalid(key, pluginClass, "configure(...) of " + pluginClass.getName() + " threw " + e,
                    e);
        }
        return instance;
    }

    private static Object build(String key, PluginFactory<?> factory, Map<String, ?> configs, Class<?> type) {
        Object instance;
        try {
            instance = factory.create(configs);
        } catch (RuntimeException e) {
            throw ConfigErrors.invalid(key, factory.pluginName(), "building " + factory.pluginName() + " threw " + e, e);
        }
        if (!type.isInstance(instance)) {
            throw ConfigErrors.invalid(key, factory.pluginName(), "its factory returned "
                    + (instance == null ? "null" : "a " + instance.getClass().getName()) + ", not a " + type.getName());
        }
        return instance;
    }

    private static Object toClassOrInstance(String key, Object raw, Object element, Class<?> type) {
        if (type.isInstance(element) || element instanceof PluginFactory<?>) {
            return element;
        }
        Class<?> pluginClass;
        if (element instanceof Class<?> given) {
            pluginClass = given;
        } else if (element instanceof String name && !name.isBlank()) {
            pluginClass = load(key, raw, name.trim());
        } else {
            throw ConfigErrors.invalid(key, raw, "expected a class name, a Class, an instance of "
                    + type.getName() + " or a " + PluginFactory.class.getName());
        }
        if (!type.isAssignableFrom(pluginClass)) {
            throw ConfigErrors.invalid(key, raw, "class " + pluginClass.getName() + " does not implement "
                    + type.getName());
        }
        if (!hasPublicNoArgConstructor(pluginClass)) {
            throw ConfigErrors.invalid(key, raw, "class " + pluginClass.getName()
                    + " needs to be a public concrete class with a public no-arg constructor");
        }
        return pluginClass;
    }

    private static Class<?> load(String key, Object raw, String className) {
        ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
        ClassLoader ownLoader = PluginLoader.class.getClassLoader();
        for (ClassLoader loader : new ClassLoader[] {contextLoader, ownLoader}) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // Try the next loader: applications servers often put plugins only on the context loader.
            }
        }
        throw ConfigErrors.invalid(key, raw, "class " + className + " could not be found");
    }

    private static boolean hasPublicNoArgConstructor(Class<?> pluginClass) {
        if (pluginClass.isInterface() || Modifier.isAbstract(pluginClass.getModifiers())
                || !Modifier.isPublic(pluginClass.getModifiers())) {
            return false;
        }
        try {
            Constructor<?> constructor = pluginClass.getConstructor();
            return Modifier.isPublic(constructor.getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The class name of a plugin value, for {@code asMap()} and error messages. */
    public static String className(Object plugin) {
        if (plugin instanceof PluginFactory<?> factory) {
            return factory.pluginName();
        }
        return plugin instanceof Class<?> type ? type.getName() : plugin.getClass().getName();
    }

}
