package io.odradek.it.faults;

import java.util.List;
import java.util.OptionalLong;

/**
 * The reports of every contestant of one scenario.
 *
 * @param scenario         the scenario's name
 * @param reports          one per contestant
 * @param recoveredAtNanos when the script declared the cluster recovered ({@link Run#markRecovered()}), if it did
 */
record ScenarioResult(String scenario, List<StreamReport> reports, OptionalLong recoveredAtNanos) {

    StreamReport of(Contestant.Producer producer, Contestant.Settings settings) {
        return reports.stream()
                .filter(report -> report.contestant().equals(new Contestant(producer, settings)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + producer + "/" + settings + " in " + scenario));
    }
}
