package io.odradek.tools.perf;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.odradek.api.ConfigException;
import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.Serializers;
import io.odradek.kafka.OdradekKafkaProducer;
import io.odradek.tools.ProducerProperties;
import io.odradek.tools.UsageException;

/**
 * {@code odradek perf}: Kafka's {@code kafka-producer-perf-test} for the Odradek producer. Same flags, same
 * progress and summary lines on stdout; then one line of our own starting with {@code odradek:} (client
 * CPU time, peak heap). Without {@code bootstrap.servers} it runs against an embedded broker.
 *
 * <p>Exit status: 0 when every record was acknowledged, 1 when a record failed or the run could not start,
 * 2 for a usage or configuration error.
 */
public final class PerfCommand {
    static final String DEFAULT_CLIENT_ID = "perf-producer-client";

    private final PrintStream out;
    private final PrintStream err;
    private final Function<ProducerConfig, Producer<byte[], byte[]>> producers;
    private final Function<Properties, org.apache.kafka.clients.producer.Producer<byte[], byte[]>> kafkaApiProducers;
    private final Function<Properties, org.apache.kafka.clients.producer.Producer<byte[], byte[]>> kafkaProducers;
    private final LongSupplier clockMs = () -> System.nanoTime() / 1_000_000;

    /**
     * {@code producers} makes the producer under test, {@code kafkaApiProducers} the one behind Kafka's interface
     * for {@code --compat}, {@code kafkaProducers} Kafka's own for {@code --kafka-producer}; tests hand in fakes.
     */
    PerfCommand(PrintStream out, PrintStream err, Function<ProducerConfig, Producer<byte[], byte[]>> producers,
                Function<Properties, org.apache.kafka.clients.producer.Producer<byte[], byte[]>> kafkaApiProducers,
                Function<Properties, org.apache.kafka.clients.producer.Producer<byte[], byte[]>> kafkaProducers) {
        this.out = out;
        this.err = err;
        this.producers = producers;
        this.kafkaApiProducers = kafkaApiProducers;
        this.kafkaProducers = kafkaProducers;
    }

    public static int run(String[] args) {
        return new PerfCommand(System.out, System.err,
                config -> Producer.create(config, Serializers.byteArray(), Serializers.byteArray()),
                properties -> new OdradekKafkaProducer<>(properties, new ByteArraySerializer(),
                        new ByteArraySerializer()),
                properties -> new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer()))
                .execute(args);
    }

    int execute(String[] args) {
        if (args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(PerfOptions.USAGE);
            return 0;
        }
        PerfOptions options;
        Properties properties;
        List<byte[]> filePayloads;
        long transactionDurationMs;
        try {
            options = PerfOptions.parse(args);
            properties = ProducerProperties.read(options.producerConfig(), options.producerProps(), "--producer-props");
            properties.putIfAbsent("client.id", DEFAULT_CLIENT_ID);
            transactionDurationMs = Transactional.resolve(options, properties);
            filePayloads = Payloads.readFile(options.payloadFile(), options.payloadDelimiter(), out);
        } catch (UsageException e) {
            err.println("odradek perf: " + e.getMessage());
            err.println(PerfOptions.USAGE);
            return 2;
        } catch (IOException e) {
            err.println("odradek perf: " + e);
            return 1;
        }

        EmbeddedTarget embedded = null;
        try {
            if (!ProducerProperties.hasBootstrapServers(properties)) {
                embedded = EmbeddedTarget.start(options.topic(), options.partitions(), err);
                properties.setProperty("bootstrap.servers", embedded.bootstrapServers());
            }
            return runAgainst(options, properties, filePayloads, transactionDurationMs);
        } catch (IOException | RuntimeException e) {
            err.println("odradek perf: " + e);
            return 1;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private int runAgainst(PerfOptions options, Properties properties, List<byte[]> filePayloads,
                           long transactionDurationMs) {
        FailureLog failures = new FailureLog(err);
        ClientUsage usage = ClientUsage.start();
        PerfProducer producer;
        String transport;
        Optional<String> transactionalId;
        if (options.kafkaProducer()) {
            // Kafka's producer gets the same properties, less the one that picks Odradek's transport.
            Properties kafkaProperties = new Properties();
            kafkaProperties.putAll(properties);
            kafkaProperties.remove("transport");
            producer = new KafkaApiPerfProducer(kafkaProducers.apply(kafkaProperties));
            transport = "none (Apache Kafka's KafkaProducer)";
            transactionalId = Optional.ofNullable(properties.getProperty("transactional.id"))
                    .filter(id -> !id.isBlank());
        } else {
            ProducerConfig config;
            try {
                config = ProducerConfig.from(properties);
            } catch (ConfigException e) {
                err.println("odradek perf: " + e.getMessage());
                return 2;
            }
            producer = options.kafkaApi() ? new KafkaApiPerfProducer(kafkaApiProducers.apply(properties))
                    : new OdradekPerfProducer(producers.apply(config));
            transport = config.transport().orElse("auto") + (options.kafkaApi() ? " (Kafka's Producer API)" : "");
            transactionalId = config.transactionalId();
        }
        TransactionPacer transactions = TransactionPacer.none();
        if (transactionalId.isPresent()) {
            producer.initTransactions();
            transactions = new TransactionPacer(producer, transactionDurationMs);
        }
        // As in Kafka's tool, the clock starts after initTransactions() (and before the topic's metadata is known).
        LatencyStats stats = new LatencyStats(options.numRecords(), clockMs, out::println);
        awaitTopicMetadata(producer, options.topic());
        SendingThreads threads = new SendingThreads(producer, options, filePayloads, stats, failures, clockMs,
                transactions);
        try {
            threads.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // As in Kafka's tool: with --print-metrics the summary is taken after a flush, otherwise after close.
            if (options.printMetrics()) {
                producer.flush();
                out.println(stats.summaryLine());
                printCounters(stats, failures, usage, producer.metrics());
                producer.close();
            } else {
                producer.close();
                out.println(stats.summaryLine());
            }
        }
        out.println(ClientUsage.line(usage.cpuNsSinceStart(), stats.count() + failures.count(),
                ClientUsage.peakHeapBytes(), transport, options.threads(), failures.count()));
        if (transactionalId.isPresent()) {
            out.println("odradek: " + transactions.committed() + " transactions committed, "
                    + transactionDurationMs + " ms each, transactional.id " + transactionalId.get());
        }
        if (failures.count() > 0 || threads.aborted()) {
            err.println("odradek perf: " + failures.count() + " records failed");
            return 1;
        }
        return 0;
    }

    /**
     * Kafka's tool blocks in its first send() until the topic's metadata is known, after its clock started.
     * Odradek's send() does not block: without this wait the first few hundred milliseconds of records would
     * queue in the producer for metadata and the latency percentiles would measure that instead. The wait
     * still counts in the elapsed time, as in Kafka's tool. If it fails, the sends report why.
     */
    private static void awaitTopicMetadata(PerfProducer producer, String topic) {
        try {
            producer.awaitTopic(topic);
        } catch (RuntimeException e) {
            // The records' own failures say what is wrong (e.g. a topic that does not exist).
        }
    }

    /**
     * As Kafka's tool: the producer's metrics as {@code group:name:{tags} : value} rows, after the tool's own
     * counters; then where each record's time went, stage by stage (Odradek's latency breakdown).
     */
    private void printCounters(LatencyStats stats, FailureLog failures, ClientUsage usage,
                               java.util.SortedMap<String, Double> metrics) {
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("odradek-perf:records-acknowledged", stats.count());
        counters.put("odradek-perf:records-failed", failures.count());
        counters.put("odradek-perf:value-bytes-acknowledged", stats.bytes());
        counters.put("odradek-perf:client-cpu-ns", usage.cpuNsSinceStart());
        counters.put("odradek-perf:peak-heap-bytes", ClientUsage.peakHeapBytes());
        metrics.forEach((name, value) -> counters.put(name, String.format(java.util.Locale.ROOT, "%.3f", value)));
        out.print(MetricsTable.format(counters));
        out.print(LatencyBreakdownTable.format(metrics));
    }
}
