package io.odradek.domain.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

import io.odradek.api.CompressionType;
import io.odradek.api.ConfigException;
import io.odradek.domain.port.CompressionCodec;
import io.odradek.domain.port.TransportFactory;
import io.odradek.domain.port.WireProtocol;

/**
 * Finds the adapters on the classpath with {@link ServiceLoader}: the user picks a transport by the
 * dependency they add, and the codec and compression modules come with it.
 */
record Adapters(TransportFactory transport, WireProtocol protocol, CompressionCodec compression) {

    static Adapters discover(Optional<String> transportName, CompressionType compressionType) {
        ClassLoader loader = Adapters.class.getClassLoader();
        return new Adapters(transport(transportName, loader), protocol(loader), compression(compressionType, loader));
    }

    static TransportFactory transport(Optional<String> wanted, ClassLoader loader) {
        List<TransportFactory> found = new ArrayList<>();
        ServiceLoader.load(TransportFactory.class, loader).forEach(found::add);
        List<String> names = found.stream().map(TransportFactory::name).toList();
        if (found.isEmpty()) {
            throw new ConfigException("No Odradek transport on the classpath: add io.odradek:transport-nio or "
                    + "io.odradek:transport-netty to your dependencies");
        }
        if (wanted.isPresent()) {
            return found.stream().filter(f -> f.name().equals(wanted.get())).findFirst()
                    .orElseThrow(() -> new ConfigException("Invalid value '" + wanted.get()
                            + "' for configuration transport: the transports on the classpath are " + names));
        }
        if (found.size() > 1) {
            throw new ConfigException("Several transports are on the classpath " + names
                    + ": choose one with the configuration transport (e.g. transport=" + names.get(0) + ")");
        }
        return found.get(0);
    }

    static WireProtocol protocol(ClassLoader loader) {
        return ServiceLoader.load(WireProtocol.class, loader).findFirst()
                .orElseThrow(() -> new ConfigException("No Kafka wire codec on the classpath: add io.odradek:codec"));
    }

    static CompressionCodec compression(CompressionType type, ClassLoader loader) {
        if (type == CompressionType.NONE) {
            return null;
        }
        for (CompressionCodec codec : ServiceLoader.load(CompressionCodec.class, loader)) {
            if (codec.type() == type) {
                codec.checkAvailable();
                return codec;
            }
        }
        throw new ConfigException("compression.type=" + type.configValue() + " needs io.odradek:compression on "
                + "the classpath");
    }
}
