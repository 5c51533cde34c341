package io.odradek.domain.metadata;

/**
 * One topic's partitions and their leaders, as of the last metadata response.
 *
 * @param leaders leader node id per partition, -1 when the partition has no leader
 */
public record TopicInfo(String name, int[] leaders, int[] leaderEpochs) {

    public int partitionCount() {
        return leaders.length;
    }

    public int leaderOf(int partition) {
        return partition < leaders.length ? leaders[partition] : -1;
    }
}
