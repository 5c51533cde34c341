package io.odradek.it.faults;

import java.time.Duration;

import org.junit.jupiter.api.Tag;

import io.odradek.it.transport.BothTransports;

/**
 * The fault scenarios as a soak: 5,000 records/s per producer, half a minute of sending around each fault,
 * a minute of slow answers, a million records flat out. Runs only with {@code -Psoak}.
 */
@BothTransports
@Tag("soak")
class FaultScenariosSoakTest extends FaultScenarios {

    @Override
    Pace pace() {
        return new Pace(5_000, Duration.ofSeconds(30), Duration.ofSeconds(60), 1_000_000);
    }
}
