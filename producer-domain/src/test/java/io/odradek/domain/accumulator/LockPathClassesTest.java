package io.odradek.domain.accumulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LockPathClassesTest {
    @Test
    void theJdkThisRunsOnHasEveryNodeClassLoadedUpFront() {
        // Java 17 and 25 (the JDKs the project is built and measured on) both lay AbstractQueuedSynchronizer out
        // with the three node classes; if a JDK renames them, this says the protection is gone.
        assertThat(LockPathClasses.load()).isEqualTo(3);
    }
}
