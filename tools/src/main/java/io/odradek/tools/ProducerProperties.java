package io.odradek.tools;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** Producer settings from a properties file and {@code NAME=VALUE} arguments, the way Kafka's tools read them. */
public final class ProducerProperties {

    /**
     * The tools' fat jar holds both transports, so a producer must name one; {@code transport=netty} in the
     * producer properties picks the other.
     */
    public static final String DEFAULT_TRANSPORT = "nio";

    private ProducerProperties() {
    }

    /**
     * The file's entries (if any), then the {@code NAME=VALUE} entries, which win; {@code transport} is
     * {@value #DEFAULT_TRANSPORT} unless one of them sets it.
     */
    public static Properties read(Path configFile, List<String> entries, String flagName)
            throws UsageException, IOException {
        Properties properties = new Properties();
        if (configFile != null) {
            properties.putAll(load(configFile));
        }
        for (String entry : entries) {
            putEntry(properties, entry, flagName);
        }
        properties.putIfAbsent("transport", DEFAULT_TRANSPORT);
        return properties;
    }

    public static Properties load(Path configFile) throws UsageException, IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new UsageException("config file not found: " + configFile);
        }
        return properties;
    }

    /** Splits at the first '=' (Kafka rejects values holding '='; we keep them, e.g. for SASL-like values). */
    public static void putEntry(Properties properties, String entry, String flagName) throws UsageException {
        int equals = entry.indexOf('=');
        if (equals <= 0) {
            throw new UsageException("Invalid property: " + entry + " (" + flagName + " expects NAME=VALUE)");
        }
        properties.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
    }

    /** True when {@code bootstrap.servers} is set to something. */
    public static boolean hasBootstrapServers(Properties properties) {
        String servers = properties.getProperty("bootstrap.servers");
        return servers != null && !servers.isBlank();
    }
}
