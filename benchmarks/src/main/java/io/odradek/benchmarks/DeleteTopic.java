package io.odradek.benchmarks;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code DeleteTopic BOOTSTRAP TOPIC}: deletes a topic with Kafka's Admin client. compare.sh deletes each
 * run's topic once the run is over, so that the broker's page cache and disk do not fill with the data of
 * earlier rounds (a 5-round comparison writes about 30 GB) and later rounds run on the same footing as the
 * first.
 */
public final class DeleteTopic {
    private static final long TIMEOUT_MS = 60_000;

    private DeleteTopic() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DeleteTopic BOOTSTRAP TOPIC");
            System.exit(2);
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(props)) {
            admin.deleteTopics(List.of(args[1])).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
    }
}
