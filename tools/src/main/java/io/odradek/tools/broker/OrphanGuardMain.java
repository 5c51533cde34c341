package io.odradek.tools.broker;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Entry point of a broker child JVM: {@code OrphanGuardMain <parentPid> <mainClass> <args...>}.
 *
 * <p>Shutdown hooks do not run when the parent JVM is killed with SIGKILL (a build timeout, an IDE's stop
 * button), which would leave brokers running forever. This guard watches the parent process and exits the
 * child when it goes; {@link System#exit} runs Kafka's own shutdown hook, so the broker still stops cleanly.
 */
public final class OrphanGuardMain {

    private OrphanGuardMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: OrphanGuardMain <parentPid> <mainClass> [args...]");
            System.exit(2);
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(args[0]));
        if (parent.isEmpty()) {
            System.exit(3);
        }
        parent.get().onExit().thenRun(() -> {
            System.err.println("parent process " + args[0] + " exited; stopping");
            System.exit(4);
        });
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
