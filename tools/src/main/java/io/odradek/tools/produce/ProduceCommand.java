package io.odradek.tools.produce;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.odradek.api.ConfigException;
import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordFuture;
import io.odradek.api.Serializers;
import io.odradek.tools.UsageException;

/**
 * {@code odradek produce}: Kafka's {@code kafka-console-producer} for the Odradek producer. Each line of
 * stdin is one record (UTF-8), its key split off when {@code parse.key=true}.
 *
 * <p>Exit status: 0 only if every line was sent and acknowledged; 1 if a record failed (each failure is
 * printed on stderr, naming its line) or a line could not be parsed (reading stops there, the lines before
 * it are still delivered); 2 for a usage or configuration error.
 */
public final class ProduceCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Function<ProducerConfig, Producer<byte[], byte[]>> producers;

    /** {@code producers} makes the producer to send with; tests hand in a fake. */
    ProduceCommand(PrintStream out, PrintStream err, Function<ProducerConfig, Producer<byte[], byte[]>> producers) {
        this.out = out;
        this.err = err;
        this.producers = producers;
    }

    public static int run(String[] args) {
        return new ProduceCommand(System.out, System.err,
                config -> Producer.create(config, Serializers.byteArray(), Serializers.byteArray()))
                .execute(args, System.in);
    }

    int execute(String[] args, InputStream in) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.println(ProduceOptions.USAGE);
            return args.length == 0 ? 2 : 0;
        }
        ProduceOptions options;
        ProducerConfig config;
        LineParser parser;
        try {
            options = ProduceOptions.parse(args);
            parser = LineParser.fromProperties(options.lineReaderProperties());
            config = ProducerConfig.from(options.producerConfiguration());
        } catch (UsageException | ConfigException e) {
            err.println("odradek produce: " + e.getMessage());
            err.println(ProduceOptions.USAGE);
            return 2;
        } catch (IOException e) {
            err.println("odradek produce: " + e);
            return 1;
        }
        try {
            Producer<byte[], byte[]> producer = producers.apply(config);
            return produceLines(options, parser, producer, in);
        } catch (RuntimeException e) {
            err.println("odradek produce: " + e);
            return 1;
        }
    }

    /** Sends every line, then closes the producer: close waits for the outstanding acknowledgements. */
    private int produceLines(ProduceOptions options, LineParser parser, Producer<byte[], byte[]> producer,
                             InputStream in) {
        AtomicLong failures = new AtomicLong();
        boolean complete = true;
        long lineNumber = 0;
        long sent = 0;
        AtomicLong acknowledgedCount = new AtomicLong();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                LineParser.ParsedLine parsed = parser.parse(line, lineNumber);
                long number = lineNumber;
                RecordFuture acknowledged = producer.send(
                        new ProducerRecord<>(options.topic(), utf8(parsed.key()), utf8(parsed.value())),
                        (metadata, exception) -> {
                            if (exception != null) {
                                failures.incrementAndGet();
                                err.println("odradek produce: record of line " + number + " failed: " + exception);
                            } else {
                                acknowledgedCount.incrementAndGet();
                            }
                        });
                sent++;
                if (options.sync()) {
                    awaitQuietly(acknowledged);
                }
            }
        } catch (LineFormatException e) {
            err.println("odradek produce: " + e.getMessage());
            complete = false;
        } catch (IOException e) {
            err.println("odradek produce: reading stdin failed after line " + lineNumber + ": " + e);
            complete = false;
        } catch (RuntimeException e) {
            err.println("odradek produce: sending line " + lineNumber + " failed: " + e);
            complete = false;
        } finally {
            producer.close();
        }
        // Success means every record sent was acknowledged, not merely that none reported a failure.
        long unacknowledged = sent - acknowledgedCount.get() - failures.get();
        if (unacknowledged > 0) {
            err.println("odradek produce: " + unacknowledged + " record(s) were neither acknowledged nor failed");
        }
        return complete && failures.get() == 0 && unacknowledged == 0 ? 0 : 1;
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /** Waits for the record's outcome; a failure was already reported by its callback. */
    private static void awaitQuietly(RecordFuture acknowledged) {
        try {
            acknowledged.join();
        } catch (CompletionException e) {
            // Reported by the callback.
        }
    }
}
