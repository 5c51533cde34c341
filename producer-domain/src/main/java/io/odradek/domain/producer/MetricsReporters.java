package io.odradek.domain.producer;

import java.util.ServiceLoader;

import io.odradek.api.ConfigException;
import io.odradek.api.ProducerConfig;
import io.odradek.api.config.MetricReporters;
import io.odradek.api.metrics.MetricsReporter;
import io.odradek.domain.log.LogContext;
import io.odradek.domain.log.ProducerLog;
import io.odradek.domain.metrics.MetricRegistry;

/**
 * Connects the reporters of {@code metric.reporters} to a producer's metrics: the JMX reporter, found with
 * {@code ServiceLoader} in the {@code odradek-jmx} module (which both transports bring along), and the user's own.
 */
final class MetricsReporters {
    private MetricsReporters() {
    }

    static void attach(ProducerConfig config, MetricRegistry registry, ClassLoader loader, LogContext logContext) {
        ProducerLog log = logContext.logger(MetricsReporters.class);
        if (config.jmxReporter()) {
            MetricsReporter jmx = findJmx(loader);
            if (jmx != null) {
                registry.addReporter(jmx);
            } else if (config.metricReportersExplicit()) {
                throw new ConfigException("Invalid value for configuration metric.reporters: it names the JMX reporter,"
                        + " but " + MetricReporters.JMX_REPORTER + " is not on the class path; add io.odradek:odradek-jmx"
                        + " (the transports bring it) or remove it from the list");
            } else {
                // A producer assembled without a transport module (a test's fakes, a benchmark): JMX is the default
                // only where its module is.
                log.debug("No JMX reporter on the class path; the producer's metrics are not published as MBeans");
            }
        }
        for (MetricsReporter reporter : config.metricReporters()) {
            registry.addReporter(reporter);
        }
    }

    /** Instantiates only the JMX reporter, not the other reporters some jar may declare as services. */
    private static MetricsReporter findJmx(ClassLoader loader) {
        return ServiceLoader.load(MetricsReporter.class, loader).stream()
                .filter(provider -> provider.type().getName().equals(MetricReporters.JMX_REPORTER))
                .map(ServiceLoader.Provider::get)
                .findFirst().orElse(null);
    }
}
