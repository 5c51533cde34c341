package io.odradek.api.plugins;

/** Cannot be instantiated from a class name: its only constructor takes an argument. */
public class PartitionerWithoutNoArgConstructor extends RecordingPartitioner {
    public PartitionerWithoutNoArgConstructor(int partitions) {
    }
}
