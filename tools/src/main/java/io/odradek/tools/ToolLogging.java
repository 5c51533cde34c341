package io.odradek.tools;

/**
 * Chooses the logging of the {@code odradek} JVM before anything logs: slf4j-simple, warnings and errors on
 * stderr, so stdout carries nothing but the commands' results.
 *
 * <p>Not log4j2, although it is in the same jar for the broker child JVMs: initialising it costs the client
 * about half a second of CPU at start-up, which a perf run would count against the producer. A user who wants
 * log4j2 here says so with {@code -Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider} (and may
 * then name a configuration with {@code -Dlog4j2.configurationFile}); properties already set are kept.
 */
final class ToolLogging {
    static final String SIMPLE_PROVIDER = "org.slf4j.simple.SimpleServiceProvider";
    private static final String SIMPLE = "org.slf4j.simpleLogger.";

    private ToolLogging() {
    }

    static void configure() {
        setIfAbsent("slf4j.provider", SIMPLE_PROVIDER);
        // Otherwise slf4j announces on stderr, at info level, that it loads the provider named above.
        setIfAbsent("slf4j.internal.verbosity", "WARN");
        setIfAbsent(SIMPLE + "defaultLogLevel", "warn");
        // The embedded broker's admin client retries while the broker starts; its warnings are noise here.
        setIfAbsent(SIMPLE + "log.org.apache.kafka", "error");
        setIfAbsent(SIMPLE + "showDateTime", "true");
        setIfAbsent(SIMPLE + "dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent(SIMPLE + "showShortLogName", "true");
        setIfAbsent("log4j2.configurationFile", "odradek-log4j2.xml");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
