/**
 * The JMX reporter: the producer finds it with {@code ServiceLoader} (both transports bring this module along) and
 * uses it while {@code metric.reporters} names it, as it does by default. Exports nothing.
 */
module io.odradek.jmx {
    requires io.odradek.api;
    requires java.management;

    provides io.odradek.api.metrics.MetricsReporter with io.odradek.jmx.JmxReporter;
}
