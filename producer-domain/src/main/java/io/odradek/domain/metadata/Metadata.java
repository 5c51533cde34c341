package io.odradek.domain.metadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.odradek.domain.protocol.KafkaError;
import io.odradek.domain.protocol.MetadataResponse;

/**
 * The producer's view of the cluster and when to refresh it. Application threads read {@link #view()};
 * the I/O thread does everything else.
 */
public final class Metadata {
    private final long maxAgeNs;
    private final long refreshBackoffNs;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();

    private volatile ClusterView view = ClusterView.EMPTY;
    private volatile boolean updateRequested;
    /** Volatile for the metadata-age metric's readers; written by the I/O thread only. */
    private volatile long lastSuccessNs = Long.MIN_VALUE / 2;
    private volatile boolean everUpdated;
    private long lastAttemptNs = Long.MIN_VALUE / 2;
    private boolean inFlight;

    public Metadata(long maxAgeNs, long refreshBackoffNs) {
        this.maxAgeNs = maxAgeNs;
        this.refreshBackoffNs = refreshBackoffNs;
    }

    /** Seconds since the last successful metadata response; NaN before the first. */
    public double ageSeconds(long nowNs) {
        return everUpdated ? (nowNs - lastSuccessNs) / 1e9 : Double.NaN;
    }

    public ClusterView view() {
        return view;
    }

    /** Adds a topic to those the producer asks about; any thread. Returns true if it is new. */
    public boolean addTopic(String topic) {
        if (topics.add(topic)) {
            updateRequested = true;
            return true;
        }
        return false;
    }

    public List<String> topics() {
        return new ArrayList<>(topics);
    }

    /** Asks for a refresh soon (a leader moved, a topic is unknown); any thread. */
    public void requestUpdate() {
        updateRequested = true;
    }

    /** When a metadata request should go out, or Long.MAX_VALUE while one is in flight. */
    public long nextUpdateNs() {
        if (inFlight || topics.isEmpty()) {
            return Long.MAX_VALUE;
        }
        long byAge = lastSuccessNs + maxAgeNs;
        long byRequest = updateRequested ? lastAttemptNs + refreshBackoffNs : Long.MAX_VALUE;
        return Math.min(byAge, byRequest);
    }

    public void requestSent(long nowNs) {
        inFlight = true;
        lastAttemptNs = nowNs;
        updateRequested = false;
    }

    public void requestFailed() {
        inFlight = false;
        updateRequested = true;
    }

    /** Applies a response; the view is replaced whole. */
    public void update(MetadataResponse response, long nowNs) {
        inFlight = false;
        lastSuccessNs = nowNs;
        everUpdated = true;
        Map<Integer, Node> nodes = new HashMap<>();
        for (MetadataResponse.Broker broker : response.brokers()) {
            nodes.put(broker.nodeId(), new Node(broker.nodeId(), broker.host(), broker.port()));
        }
        Map<String, TopicInfo> topicInfos = new HashMap<>(view.topics());
        Map<String, Short> errors = new HashMap<>();
        for (MetadataResponse.TopicMetadata topic : response.topics()) {
            if (topic.errorCode() != KafkaError.NONE) {
                errors.put(topic.name(), topic.errorCode());
                if (topic.errorCode() == KafkaError.UNKNOWN_TOPIC_OR_PARTITION) {
                    topicInfos.remove(topic.name());
                }
                updateRequested = true;
                continue;
            }
            topicInfos.put(topic.name(), toTopicInfo(topic));
            if (hasPartitionWithoutLeader(topic)) {
                updateRequested = true;
            }
        }
        view = new ClusterView(Map.copyOf(nodes), Map.copyOf(topicInfos), Map.copyOf(errors));
        synchronized (this) {
            notifyAll();
        }
    }

    /**
     * Waits until the view knows {@code topic} or {@code timeoutMs} passed (application threads, for
     * {@code partitionsFor}). Returns the topic's info, or null on timeout.
     */
    public TopicInfo awaitTopic(String topic, long timeoutMs, io.odradek.domain.port.Clock clock)
            throws InterruptedException {
        long deadlineNs = clock.nanoTime() + timeoutMs * 1_000_000L;
        synchronized (this) {
            while (true) {
                TopicInfo info = view.topic(topic);
                if (info != null) {
                    return info;
                }
                long remainingMs = (deadlineNs - clock.nanoTime()) / 1_000_000L;
                if (remainingMs <= 0) {
                    return null;
                }
                wait(remainingMs);
            }
        }
    }

    private static TopicInfo toTopicInfo(MetadataResponse.TopicMetadata topic) {
        int count = 0;
        for (MetadataResponse.PartitionMetadata partition : topic.partitions()) {
            count = Math.max(count, partition.partition() + 1);
        }
        int[] leaders = new int[count];
        int[] epochs = new int[count];
        Arrays.fill(leaders, -1);
        Arrays.fill(epochs, -1);
        for (MetadataResponse.PartitionMetadata partition : topic.partitions()) {
            boolean usable = partition.errorCode() == KafkaError.NONE
                    || partition.errorCode() == KafkaError.REPLICA_NOT_AVAILABLE;
            leaders[partition.partition()] = usable ? partition.leaderId() : -1;
            epochs[partition.partition()] = partition.leaderEpoch();
        }
        return new TopicInfo(topic.name(), leaders, epochs);
    }

    private static boolean hasPartitionWithoutLeader(MetadataResponse.TopicMetadata topic) {
        for (MetadataResponse.PartitionMetadata partition : topic.partitions()) {
            if (partition.leaderId() < 0) {
                return true;
            }
        }
        return false;
    }
}
