package io.odradek.it.faults;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** What a scenario's script sees while the streams send: the cluster, the topics, the streams' progress. */
final class Run {

    private final FaultCluster cluster;
    private final List<Lane> lanes;
    private volatile long recoveredAtNanos;
    private volatile boolean recovered;

    Run(FaultCluster cluster, List<Lane> lanes) {
        this.cluster = cluster;
        this.lanes = List.copyOf(lanes);
    }

    FaultCluster cluster() {
        return cluster;
    }

    /** Every contestant's topic; all have the same replica assignment. */
    List<String> topics() {
        return lanes.stream().map(Lane::topic).toList();
    }

    /**
     * The node leading {@code partition} in every topic. The topics share their assignment and faults, so
     * they share their leader; if they do not, a fault would hit the contestants differently, and the
     * scenario fails here rather than compare unlike things.
     */
    int leaderOf(int partition) {
        List<Integer> leaders = topics().stream().map(topic -> cluster.leaderOf(topic, partition)).distinct().toList();
        if (leaders.size() != 1) {
            throw new AssertionError("partition " + partition + " has different leaders in the contestants' topics: "
                    + leaders);
        }
        return leaders.get(0);
    }

    /** Whether {@code node} leads {@code partition} in every topic now (false while a move is under way). */
    boolean ledEverywhereBy(int partition, int node) {
        return topics().stream().allMatch(topic -> cluster.leaderOf(topic, partition) == node);
    }

    /** Lets the streams send for {@code duration}: scenario timing, named by {@code why}. */
    void pause(Duration duration, String why) {
        Await.scenarioPause(duration, why);
    }

    /** Fails unless every stream is still sending: a fault meant to hit mid-stream must not come after the end. */
    void assertStillSending(String when) {
        List<String> ended = lanes.stream().filter(lane -> !lane.stream().isSending())
                .map(lane -> lane.contestant().label() + " (" + lane.stream().sentSoFar() + " sent)")
                .collect(Collectors.toList());
        if (!ended.isEmpty()) {
            throw new AssertionError("streams had ended " + when + ", so the fault missed them: " + ended);
        }
    }

    /**
     * Waits until every stream has its first outcomes, then fails unless every one still has records without
     * an outcome: a fault meant to hit records on their way must not come after the last was acknowledged.
     */
    void assertMidStream(String when) {
        Await.until("first outcomes of every stream", Duration.ofSeconds(60),
                () -> lanes.stream().allMatch(lane -> lane.stream().outcomes().completed() > 0));
        List<String> done = lanes.stream()
                .filter(lane -> lane.stream().outcomes().completed() >= lane.stream().workload().maxRecords())
                .map(lane -> lane.contestant().label())
                .collect(Collectors.toList());
        if (!done.isEmpty()) {
            throw new AssertionError("streams were complete " + when + ", so the fault missed them: " + done);
        }
    }

    /** Waits until every stream has sent all its records (flat-out streams end by themselves). */
    void awaitStreamsEnded(Duration timeout) {
        lanes.forEach(lane -> lane.stream().awaitSendingEnded(timeout));
    }

    /** Notes that the cluster is back from here on: records sent later must all be acknowledged. */
    void markRecovered() {
        recoveredAtNanos = System.nanoTime();
        recovered = true;
    }

    OptionalLong recoveredAtNanos() {
        return recovered ? OptionalLong.of(recoveredAtNanos) : OptionalLong.empty();
    }
}
