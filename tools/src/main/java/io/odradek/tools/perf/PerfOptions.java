package io.odradek.tools.perf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.odradek.tools.ArgumentCursor;
import io.odradek.tools.UsageException;

/**
 * The flags of {@code odradek perf}: Kafka's {@code kafka-producer-perf-test} flags (4.1) plus
 * {@code --threads}, {@code --partitions}, {@code --random-keys}, {@code --compat} and {@code --kafka-producer}.
 *
 * @param recordSizeBytes null unless {@code --record-size} was given
 * @param payloadFile     null unless {@code --payload-file} was given
 * @param throughput      records per second, negative for unlimited
 * @param producerConfig  null unless {@code --producer.config} was given
 * @param kafkaApi        {@code --compat}: send through Kafka's Producer interface (OdradekKafkaProducer)
 * @param randomKeys      {@code --random-keys}: records carry a key drawn at random from this many; 0 for no key
 * @param kafkaProducer   {@code --kafka-producer}: drive Apache Kafka's own KafkaProducer through the same loop
 * @param transactionalId null unless {@code --transactional-id} was given
 * @param transactionDurationMs null unless {@code --transaction-duration-ms} was given
 */
public record PerfOptions(String topic, long numRecords, Integer recordSizeBytes, Path payloadFile,
                          String payloadDelimiter, boolean payloadMonotonic, double throughput,
                          List<String> producerProps, Path producerConfig, boolean printMetrics,
                          int threads, int partitions, boolean kafkaApi, int randomKeys, boolean kafkaProducer,
                          String transactionalId, Long transactionDurationMs) {

    public static final int DEFAULT_PARTITIONS = 6;

    public static final String USAGE = String.join("\n",
            "usage: odradek perf --topic TOPIC --num-records NUM-RECORDS --throughput THROUGHPUT",
            "                    (--record-size RECORD-SIZE | --payload-file PAYLOAD-FILE | --payload-monotonic)",
            "                    [--producer-props PROP-NAME=PROP-VALUE [...]] [--producer.config CONFIG-FILE]",
            "                    [--payload-delimiter PAYLOAD-DELIMITER] [--print-metrics]",
            "                    [--transactional-id TRANSACTIONAL-ID] [--transaction-duration-ms MS]",
            "                    [--threads N] [--partitions N] [--random-keys N] [--compat | --kafka-producer]",
            "  --topic TOPIC              produce messages to this topic",
            "  --num-records N            number of messages to produce",
            "  --record-size BYTES        message size in bytes (random uppercase letters)",
            "  --payload-file FILE        UTF-8 file of payloads, split at --payload-delimiter (default \\n);",
            "                             each record takes one at random",
            "  --payload-monotonic        payload is the record's number, 0, 1, 2, ...",
            "  --throughput N             throttle to about N messages/sec; -1 disables throttling",
            "  --producer-props K=V ...   producer configuration; overrides --producer.config",
            "  --producer.config FILE     producer configuration file",
            "  --print-metrics            print the client's counters at the end",
            "  --transactional-id ID      send in transactions with this transactional.id (wins over the",
            "                             producer properties' transactional.id)",
            "  --transaction-duration-ms MS  commit each transaction once it is MS old (default 3000 when a",
            "                             transactional.id is set; given alone, the id is performance-producer-<uuid>)",
            "  --threads N                application threads sharing one producer (default 1)",
            "  --partitions N             partitions of the topic created on the embedded broker (default "
                    + DEFAULT_PARTITIONS + ")",
            "  --compat                   send through OdradekKafkaProducer, Kafka's Producer interface",
            "                             (kafka-clients-compat), instead of Odradek's own API",
            "  --random-keys N            give each record a key drawn at random from N random 16-byte keys",
            "                             (default: no key, as Kafka's tool sends)",
            "  --kafka-producer           send through Apache Kafka's own KafkaProducer instead, with the same",
            "                             loop, keys and payloads: the reference where Kafka's tool has no such flag",
            "Without bootstrap.servers in --producer-props/--producer.config, an embedded Apache Kafka broker",
            "is started for the run and the topic is created on it.");

    public PerfOptions {
        producerProps = List.copyOf(producerProps);
    }

    public static PerfOptions parse(String[] args) throws UsageException {
        String topic = null;
        Long numRecords = null;
        Integer recordSize = null;
        Path payloadFile = null;
        String payloadDelimiter = "\n";
        boolean payloadMonotonic = false;
        Double throughput = null;
        List<String> producerProps = new ArrayList<>();
        Path producerConfig = null;
        boolean printMetrics = false;
        int threads = 1;
        int partitions = DEFAULT_PARTITIONS;
        boolean kafkaApi = false;
        int randomKeys = 0;
        boolean kafkaProducer = false;
        String transactionalId = null;
        Long transactionDurationMs = null;

        ArgumentCursor cursor = new ArgumentCursor(args);
        while (cursor.nextFlag()) {
            switch (cursor.flag()) {
                case "--topic" -> topic = cursor.value();
                case "--num-records" -> numRecords = cursor.longValue();
                case "--record-size" -> recordSize = cursor.intValue();
                case "--payload-file" -> payloadFile = Path.of(cursor.value());
                case "--payload-delimiter" -> payloadDelimiter = unescapeNewline(cursor.value());
                case "--payload-monotonic" -> {
                    cursor.noValue();
                    payloadMonotonic = true;
                }
                case "--throughput" -> throughput = cursor.doubleValue();
                case "--producer-props" -> producerProps.addAll(cursor.values());
                case "--producer.config" -> producerConfig = Path.of(cursor.value());
                case "--print-metrics" -> {
                    cursor.noValue();
                    printMetrics = true;
                }
                case "--threads" -> threads = cursor.intValue();
                case "--partitions" -> partitions = cursor.intValue();
                case "--compat" -> {
                    cursor.noValue();
                    kafkaApi = true;
                }
                case "--random-keys" -> randomKeys = cursor.intValue();
                case "--kafka-producer" -> {
                    cursor.noValue();
                    kafkaProducer = true;
                }
                case "--transactional-id" -> transactionalId = cursor.value();
                case "--transaction-duration-ms" -> transactionDurationMs = cursor.longValue();
                default -> throw new UsageException("unrecognized argument: " + cursor.flag());
            }
        }

        require(topic != null, "--topic");
        require(numRecords != null, "--num-records");
        require(throughput != null, "--throughput");
        int payloadChoices = (recordSize != null ? 1 : 0) + (payloadFile != null ? 1 : 0) + (payloadMonotonic ? 1 : 0);
        if (payloadChoices != 1) {
            throw new UsageException("exactly one of --record-size, --payload-file or --payload-monotonic is required");
        }
        if (numRecords <= 0) {
            throw new UsageException("--num-records should be greater than zero");
        }
        if (recordSize != null && recordSize <= 0) {
            throw new UsageException("--record-size should be greater than zero");
        }
        if (throughput == 0) {
            throw new UsageException("--throughput 0 would never send; use -1 for unlimited");
        }
        if (threads < 1) {
            throw new UsageException("--threads should be greater than zero");
        }
        if (partitions < 1) {
            throw new UsageException("--partitions should be greater than zero");
        }
        if (randomKeys < 0) {
            throw new UsageException("--random-keys should be zero (no keys) or more");
        }
        if (kafkaApi && kafkaProducer) {
            throw new UsageException("--compat and --kafka-producer exclude each other: the first is Odradek behind "
                    + "Kafka's interface, the second Kafka's own producer");
        }
        if (transactionDurationMs != null && transactionDurationMs <= 0) {
            throw new UsageException("--transaction-duration-ms should be greater than zero");
        }
        return new PerfOptions(topic, numRecords, recordSize, payloadFile, payloadDelimiter, payloadMonotonic,
                throughput, producerProps, producerConfig, printMetrics, threads, partitions, kafkaApi, randomKeys,
                kafkaProducer, transactionalId, transactionDurationMs);
    }

    private static void require(boolean present, String flag) throws UsageException {
        if (!present) {
            throw new UsageException("argument " + flag + " is required");
        }
    }

    // Kafka shows the default as the two characters \n in its help and reads them as a newline.
    private static String unescapeNewline(String delimiter) {
        return delimiter.equals("\\n") ? "\n" : delimiter;
    }
}
