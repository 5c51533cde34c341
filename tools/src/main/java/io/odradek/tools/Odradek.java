package io.odradek.tools;

import java.io.PrintStream;
import java.util.Arrays;

import io.odradek.tools.broker.BrokerCommand;
import io.odradek.tools.perf.PerfCommand;
import io.odradek.tools.produce.ProduceCommand;

/**
 * The {@code odradek} command line: {@code odradek perf|produce|broker ...}.
 *
 * <p>Exit status, for every command: 0 success, 1 the run failed (a record was not acknowledged, the broker
 * did not start, ...), 2 the command line or configuration is wrong.
 */
public final class Odradek {
    static final String USAGE = String.join("\n",
            "usage: odradek <command> [options]",
            "commands:",
            "  perf      measure the producer: the flags and output of kafka-producer-perf-test",
            "            (starts an embedded broker when no bootstrap.servers is given)",
            "  produce   send stdin lines as records: the flags of kafka-console-producer",
            "  broker    run a real Apache Kafka broker (KRaft) until killed",
            "'odradek <command> --help' describes a command's options.",
            "Environment: ODRADEK_OPTS sets the JVM options of bin/odradek",
            "(default -Xmx1g, Serial GC and JIT settings explained in bin/odradek).");

    private Odradek() {
    }

    public static void main(String[] args) {
        ToolLogging.configure();
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "perf" -> PerfCommand.run(rest);
            case "produce" -> ProduceCommand.run(rest);
            case "broker" -> BrokerCommand.run(rest);
            case "--help", "-h", "help" -> {
                out.println(USAGE);
                yield 0;
            }
            default -> {
                err.println("odradek: unknown command '" + args[0] + "'");
                err.println(USAGE);
                yield 2;
            }
        };
    }
}
