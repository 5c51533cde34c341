package io.odradek.it.faults;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes one shared three-broker {@link FaultCluster} per test JVM: it starts when the first test asks
 * for it (about half a minute) and stops when the run ends (it lives in the root context's store, which JUnit closes
 * then). Every test leaves it healthy: all nodes running, no cut or delay left in place.
 */
public final class FaultClusterExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FaultClusterExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == FaultCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return extensionContext.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("fault-cluster", key -> FaultCluster.start(), FaultCluster.class);
    }
}
