package io.odradek.it.faults;

import java.time.Duration;

import io.odradek.it.transport.BothTransports;

/**
 * The fault scenarios at CI pace: 2,000 records/s per producer (six at once on a 2-core machine beside three
 * brokers), a few seconds of calm around each fault, 300,000 records flat out (more than buffer.memory holds, so that
 * the producers are still busy when the leader is killed).
 */
@BothTransports
class FaultScenariosTest extends FaultScenarios {

    @Override
    Pace pace() {
        return new Pace(2_000, Duration.ofSeconds(3), Duration.ofSeconds(6), 300_000);
    }
}
