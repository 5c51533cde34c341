package io.odradek.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the suite's one shared Kafka broker as a {@link KafkaCluster} parameter.
 *
 * <pre>{@code
 * @ExtendWith(KafkaBrokerExtension.class)
 * class SendTest {
 *     @Test
 *     void sends(KafkaCluster kafka) {
 *         String topic = kafka.createTopic("send", 3);
 *         ...
 *     }
 * }
 * }</pre>
 *
 * The broker starts when the first test asks for it and stops when the whole test run ends: it lives in
 * the root context's store, which JUnit closes at the end of the run. Tests share it, so each test creates
 * its own uniquely named topics.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    /** The shared broker, started on first use. */
    public static KafkaCluster sharedCluster(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("cluster", key -> KafkaCluster.startNew(1), KafkaCluster.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return sharedCluster(extensionContext);
    }
}
