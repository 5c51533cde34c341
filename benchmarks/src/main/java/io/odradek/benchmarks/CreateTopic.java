package io.odradek.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * {@code CreateTopic BOOTSTRAP TOPIC PARTITIONS}: creates a topic with Kafka's Admin client (replication 1)
 * and waits until every partition has a leader, so the first records of a run do not measure topic creation.
 * compare.sh uses it because kafka-topics is not available.
 */
public final class CreateTopic {
    private static final long TIMEOUT_MS = 60_000;

    private CreateTopic() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: CreateTopic BOOTSTRAP TOPIC PARTITIONS");
            System.exit(2);
        }
        String topic = args[1];
        int partitions = Integer.parseInt(args[2]);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(props)) {
            // A run's topic is deleted once its numbers are read; without this the broker removes its files 60 s
            // later (file.delete.delay.ms), in the middle of some other run, hundreds of MB at a time.
            NewTopic newTopic = new NewTopic(topic, partitions, (short) 1)
                    .configs(Map.of("file.delete.delay.ms", "0"));
            admin.createTopics(List.of(newTopic))
                    .all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
            while (!allLeadersKnown(admin, topic, partitions)) {
                if (System.nanoTime() > deadlineNs) {
                    throw new IllegalStateException("topic " + topic + " has no leader for every partition after "
                            + TIMEOUT_MS + " ms");
                }
                Thread.sleep(50); // polling the broker until the condition holds, with the deadline above
            }
        }
    }

    private static boolean allLeadersKnown(Admin admin, String topic, int partitions) throws Exception {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            TopicDescription description = described.get(topic);
            return description != null && description.partitions().size() == partitions
                    && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        } catch (java.util.concurrent.ExecutionException e) {
            return false; // not known yet to the broker's metadata cache
        }
    }
}
