package io.odradek.domain.accumulator;

import java.util.List;

/**
 * Loads the JDK's lock queue node classes before anything on the sending path is compiled.
 *
 * <p>{@code AbstractQueuedSynchronizer} loads a node class the first time a thread queues for a lock
 * (exclusive), for a latch (shared) or on a condition. Until the next one loads, C2 compiles every inlined lock
 * operation assuming the node classes seen so far are all there are. In perf runs the first thread to wait for
 * {@code buffer.memory} loaded the condition node seconds into the run, and that load threw away, at once, the
 * compiled I/O loop, the produce path and the send path (LogCompilation: {@code dependency_failed
 * abstract_with_unique_concrete_subtype ... witness=ConditionNode}); recompiling them took ~1 s of C2 CPU while
 * the run slowed down. With all of them loaded up front no compiled code depends on that guess.
 */
final class LockPathClasses {
    /** JDK 17+ names; on a JDK without them (older or newer layouts) there is nothing to load. */
    private static final List<String> NODE_CLASSES = List.of(
            "java.util.concurrent.locks.AbstractQueuedSynchronizer$ExclusiveNode",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer$SharedNode",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionNode");

    private LockPathClasses() {
    }

    /** Idempotent; returns how many of the classes are loaded (for the test). */
    static int load() {
        int loaded = 0;
        for (String name : NODE_CLASSES) {
            try {
                Class.forName(name, false, null);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // A JDK whose AbstractQueuedSynchronizer is laid out differently: no such guess to protect.
            }
        }
        return loaded;
    }
}
