package io.odradek.it.transport;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The transports the real-broker suite runs on. Both modules are on this module's test classpath, so a test
 * must say which one its producer uses ({@code ProducerConfig.Builder#transport}); to run a test on each:
 *
 * <pre>{@code
 * @BothTransports
 * class SomeTest {
 *     @ParameterizedTest(name = "transport={0}")
 *     @MethodSource("io.odradek.it.transport.Transports#names")
 *     void works(String transport, KafkaCluster kafka) {
 *         try (var producer = Odradek.producer(Odradek.config(kafka).transport(transport))) { ... }
 *     }
 * }
 * }</pre>
 */
public final class Transports {

    /** The transport of tests that do not run on both. */
    public static final String DEFAULT = "nio";

    /** The JUnit tag of tests that need both transport modules on the classpath (see {@link BothTransports}). */
    public static final String TAG = "both-transports";

    private static final String[] NAMES = {"nio", "netty"};

    private Transports() {
    }

    /** A {@code @MethodSource} of every transport's {@code transport} config value. */
    public static Stream<String> names() {
        return Arrays.stream(NAMES);
    }

    /** The Maven artifact that brings a transport. */
    public static String artifact(String name) {
        return "io.odradek:transport-" + name;
    }
}
