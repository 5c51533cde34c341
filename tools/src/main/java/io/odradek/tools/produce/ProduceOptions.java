package io.odradek.tools.produce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.odradek.tools.ArgumentCursor;
import io.odradek.tools.ProducerProperties;
import io.odradek.tools.UsageException;

/**
 * The flags of {@code odradek produce}, those of Kafka's {@code kafka-console-producer} (4.1) that a
 * producer without a pluggable line reader needs.
 *
 * @param readerProperties   {@code --property} values: how lines become records
 * @param producerProperties {@code --producer-property} values
 * @param producerFlags      producer settings from the shortcut flags ({@code --request-required-acks} ...),
 *                           by Kafka key
 */
public record ProduceOptions(String bootstrapServer, String topic, Properties readerProperties,
                             List<String> producerProperties, Path producerConfig, Path readerConfig,
                             String compressionCodec, Map<String, String> producerFlags, boolean sync) {

    static final String DEFAULT_CLIENT_ID = "console-producer";

    /**
     * Kafka's console producer applies these unless the producer configuration already has the key: its
     * flags' defaults, which differ from the producer's own (a second of linger, acks=-1, 3 retries).
     */
    static final Map<String, String> FLAG_DEFAULTS = orderedMap(
            "linger.ms", "1000",
            "acks", "-1",
            "request.timeout.ms", "1500",
            "retries", "3",
            "retry.backoff.ms", "100",
            "send.buffer.bytes", "102400",
            "buffer.memory", "33554432",
            "batch.size", "16384",
            "metadata.max.age.ms", "300000",
            "max.block.ms", "60000");

    /** Shortcut flag to producer key. */
    private static final Map<String, String> FLAG_KEYS = orderedMap(
            "--timeout", "linger.ms",
            "--request-required-acks", "acks",
            "--request-timeout-ms", "request.timeout.ms",
            "--message-send-max-retries", "retries",
            "--retry-backoff-ms", "retry.backoff.ms",
            "--socket-buffer-size", "send.buffer.bytes",
            "--max-memory-bytes", "buffer.memory",
            "--batch-size", "batch.size",
            "--max-partition-memory-bytes", "batch.size",
            "--metadata-expiry-ms", "metadata.max.age.ms",
            "--max-block-ms", "max.block.ms");

    public static final String USAGE = String.join("\n",
            "usage: odradek produce --bootstrap-server HOST:PORT[,...] --topic TOPIC [options] < lines",
            "Reads lines from stdin; each line is one record. Exit status 0 only if every record was acknowledged.",
            "  --bootstrap-server HOSTS          the server(s) to connect to",
            "  --topic TOPIC                     the topic to produce to",
            "  --property NAME=VALUE             line reader settings: parse.key=true, key.separator=SEP",
            "                                    (default tab), ignore.error=true, null.marker=MARKER",
            "  --reader-config FILE              line reader settings from a file",
            "  --producer-property NAME=VALUE    a producer setting (repeatable)",
            "  --producer.config FILE            producer settings from a file",
            "  --compression-codec [CODEC]       none, gzip, snappy, lz4 or zstd (gzip without a value)",
            "  --request-required-acks ACKS      acks (default -1)",
            "  --sync                            wait for each record's acknowledgement before the next",
            "  --timeout MS, --batch-size N, --request-timeout-ms MS, --message-send-max-retries N,",
            "  --retry-backoff-ms MS, --socket-buffer-size N, --max-memory-bytes N, --max-block-ms MS,",
            "  --metadata-expiry-ms MS, --max-partition-memory-bytes N",
            "                                    as in kafka-console-producer");

    public ProduceOptions {
        producerProperties = List.copyOf(producerProperties);
        producerFlags = Map.copyOf(producerFlags);
    }

    public static ProduceOptions parse(String[] args) throws UsageException {
        String bootstrapServer = null;
        String topic = null;
        Properties readerProperties = new Properties();
        List<String> producerProperties = new ArrayList<>();
        Path producerConfig = null;
        Path readerConfig = null;
        String compressionCodec = null;
        Map<String, String> producerFlags = new LinkedHashMap<>();
        boolean sync = false;

        ArgumentCursor cursor = new ArgumentCursor(args);
        while (cursor.nextFlag()) {
            String flag = cursor.flag();
            switch (flag) {
                case "--bootstrap-server" -> bootstrapServer = cursor.value();
                case "--topic" -> topic = cursor.value();
                case "--property" -> ProducerProperties.putEntry(readerProperties, cursor.value(), "--property");
                case "--producer-property" -> producerProperties.add(cursor.value());
                case "--producer.config" -> producerConfig = Path.of(cursor.value());
                case "--reader-config" -> readerConfig = Path.of(cursor.value());
                case "--compression-codec" -> compressionCodec = cursor.optionalValue().orElse("gzip");
                case "--sync" -> {
                    cursor.noValue();
                    sync = true;
                }
                case "--line-reader" -> throw new UsageException("argument --line-reader is not supported");
                default -> {
                    String key = FLAG_KEYS.get(flag);
                    if (key == null) {
                        throw new UsageException("unrecognized argument: " + flag);
                    }
                    producerFlags.put(key, cursor.value());
                }
            }
        }
        if (topic == null) {
            throw new UsageException("Missing required argument \"[topic]\"");
        }
        return new ProduceOptions(bootstrapServer, topic, readerProperties, producerProperties, producerConfig,
                readerConfig, compressionCodec, producerFlags, sync);
    }

    /**
     * The producer configuration, layered as Kafka's console producer does: {@code --producer.config}, then
     * {@code --producer-property}, then {@code --bootstrap-server} and the shortcut flags; the flags'
     * defaults fill keys still missing.
     */
    public Properties producerConfiguration() throws UsageException, IOException {
        Properties properties = ProducerProperties.read(producerConfig, producerProperties, "--producer-property");
        if (bootstrapServer != null) {
            properties.setProperty("bootstrap.servers", bootstrapServer);
        }
        if (!ProducerProperties.hasBootstrapServers(properties)) {
            throw new UsageException("Missing required argument \"[bootstrap-server]\"");
        }
        if (compressionCodec != null) {
            properties.setProperty("compression.type", compressionCodec);
        }
        properties.putIfAbsent("client.id", DEFAULT_CLIENT_ID);
        properties.putAll(producerFlags);
        FLAG_DEFAULTS.forEach(properties::putIfAbsent);
        return properties;
    }

    /** {@code --reader-config} entries, then {@code --property} entries, which win. */
    public Properties lineReaderProperties() throws UsageException, IOException {
        Properties properties = readerConfig == null ? new Properties() : ProducerProperties.load(readerConfig);
        properties.putAll(readerProperties);
        return properties;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
