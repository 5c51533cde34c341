package io.odradek.it.jpms;

import java.lang.reflect.Method;
import java.util.Properties;

import io.odradek.api.Producer;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordMetadata;
import io.odradek.api.Serializers;

/**
 * Run by {@link ModulePathTest} in a JVM whose only Odradek code is on the module path; this class itself is
 * on the class path, as an application's code that does not declare a module is. Prints what it found, one
 * fact per line, for the test to check.
 */
public final class ModulePathProbe {
    private ModulePathProbe() {
    }

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.setProperty("bootstrap.servers", args[0]);
        props.setProperty("max.block.ms", "30000");
        try (Producer<String, String> producer = Producer.create(props, Serializers.string(), Serializers.string())) {
            RecordMetadata metadata = producer.send(new ProducerRecord<>(args[1], "k", "v")).join();
            System.out.println("sent " + metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset());
            System.out.println("implementation module " + producer.getClass().getModule().getName());
        }
        for (String name : new String[] {"io.odradek.codec", "io.odradek.compression", "io.odradek.transport.nio"}) {
            System.out.println("module " + name + " "
                    + (ModuleLayer.boot().findModule(name).isPresent() ? "resolved" : "absent"));
        }
        System.out.println("internal Murmur2.hash " + reach("io.odradek.domain.partition.Murmur2", "hash", byte[].class));
        System.out.println("exported ProducerAssembly " + reach("io.odradek.domain.assembly.ProducerAssembly", null));
    }

    /** Calls a public static method of a public class, or just looks the class up, and says whether it may. */
    private static String reach(String className, String methodName, Class<?>... parameters) {
        try {
            Class<?> type = Class.forName(className);
            if (methodName == null) {
                return type.getModule().isExported(type.getPackageName()) ? "accessible" : "not exported";
            }
            Method method = type.getMethod(methodName, parameters);
            method.invoke(null, (Object) new byte[] {1, 2, 3});
            return "accessible";
        } catch (IllegalAccessException e) {
            return "refused";
        } catch (ReflectiveOperationException e) {
            return "failed: " + e;
        }
    }
}
