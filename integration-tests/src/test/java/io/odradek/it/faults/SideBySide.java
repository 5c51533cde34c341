package io.odradek.it.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs one scenario with every contestant at once on the same cluster: each sends a {@link NumberedStream} to a
 * topic of its own, all topics with the same replica assignment, while the scenario's script plays the
 * faults. Then the streams stop, every outcome is awaited, the cluster is healed, and each topic is read back
 * and verified.
 *
 * <pre>{@code
 * ScenarioResult result = SideBySide.scenario(cluster, "leader-sigkill", Workload.steady(2000, 16, longest))
 *         .run(run -> {
 *             int leader = run.leaderOf(0);
 *             cluster.kill(leader);
 *             ...
 *         });
 * }</pre>
 */
final class SideBySide {

    /** Script of a scenario: what happens to the cluster while the streams send. */
    @FunctionalInterface
    interface Script {
        void play(Run run) throws Exception;
    }

    /** A stream blocked in send() (buffer.memory full) is released by max.block.ms, 60 s by default. */
    private static final Duration SENDING_ENDS = Duration.ofSeconds(90);
    /** Beyond delivery.timeout.ms, for the last callbacks to arrive on a loaded machine. */
    private static final Duration OUTCOME_MARGIN = Duration.ofSeconds(30);

    private final FaultCluster cluster;
    private final String scenario;
    private final Workload workload;
    private final List<List<Integer>> replicas;
    private final Function<Contestant.Settings, Map<String, Object>> overrides;
    private final ReliabilityReport report;

    private SideBySide(FaultCluster cluster, String scenario, Workload workload, List<List<Integer>> replicas,
                       Function<Contestant.Settings, Map<String, Object>> overrides, ReliabilityReport report) {
        this.cluster = cluster;
        this.scenario = scenario;
        this.workload = workload;
        this.replicas = replicas;
        this.overrides = overrides;
        this.report = report;
    }

    /** Three partitions led by nodes 0, 1 and 2, each replicated on all three, and no overrides. */
    static SideBySide scenario(FaultCluster cluster, String name, Workload workload, ReliabilityReport report) {
        return new SideBySide(cluster, name, workload, FaultCluster.rotatingReplicas(0, 3),
                settings -> Map.of(), report);
    }

    /** Properties this scenario sets on top of each contestant's settings, e.g. a short delivery.timeout.ms. */
    SideBySide overriding(Function<Contestant.Settings, Map<String, Object>> scenarioOverrides) {
        return new SideBySide(cluster, scenario, workload, replicas, scenarioOverrides, report);
    }

    /** Runs the scenario, adds its rows to the report and returns them for the scenario's assertions. */
    ScenarioResult run(Script script) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        List<Contestant> contestants = Contestant.all();
        List<String> topics = contestants.stream()
                .map(contestant -> scenario + "-" + contestant.label().replace('/', '-') + "-" + suffix).toList();
        cluster.createTopics(topics, replicas);
        List<Lane> lanes = new ArrayList<>();
        Run run;
        try {
            for (int i = 0; i < contestants.size(); i++) {
                Contestant contestant = contestants.get(i);
                lanes.add(new Lane(contestant, topics.get(i),
                        contestant.properties(cluster.producerBootstrapServers(), overrides), workload));
            }
            run = new Run(cluster, lanes);
            lanes.forEach(lane -> lane.stream().start());
            script.play(run);
            if (!workload.flatOut()) {
                run.assertStillSending("when the scenario ended (a steady stream must outlast it)");
            }
            lanes.forEach(lane -> lane.stream().stopSending());
            lanes.forEach(lane -> lane.stream().awaitSendingEnded(SENDING_ENDS));
            long deadlineNanos = System.nanoTime() + lanes.stream().map(Lane::deliveryTimeout)
                    .max(Duration::compareTo).orElseThrow().plus(OUTCOME_MARGIN).toNanos();
            lanes.forEach(lane -> lane.awaitOutcomes(deadlineNanos));
        } finally {
            lanes.forEach(lane -> lane.stream().stopSending());
            lanes.forEach(Lane::closeProducer);
            cluster.heal();
        }
        cluster.awaitFullIsr(topics);
        List<StreamReport> reports = new ArrayList<>();
        for (Lane lane : lanes) {
            reports.add(StreamVerifier.verify(scenario, lane.contestant(), lane.stream(), lane.noOutcome(),
                    lane.deliveryTimeout(), cluster.readAll(lane.topic())));
        }
        report.add(reports);
        cluster.deleteTopics(topics);
        return new ScenarioResult(scenario, reports, run.recoveredAtNanos());
    }
}
