package io.odradek.it.transport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that needs both transport modules on its classpath. The integration-tests pom runs
 * these in a surefire execution of their own ({@code both-transports}); every other test runs with
 * transport-nio only, so producers that do not set {@code transport} keep working.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(Transports.TAG)
public @interface BothTransports {
}
