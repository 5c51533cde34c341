package io.odradek.domain.sender;

import io.odradek.domain.metadata.ClusterView;
import io.odradek.domain.metadata.Metadata;
import io.odradek.domain.metadata.TopicInfo;
import io.odradek.domain.protocol.MetadataRequest;
import io.odradek.domain.protocol.MetadataResponse;
import io.odradek.domain.protocol.Response;

/** Keeps the producer's view of the cluster fresh: Metadata requests to any broker, when due or asked for. */
final class MetadataExchange implements Exchange, ResponseHandler {
    private final Metadata metadata;
    private final RequestChannel channel;
    /**
     * Set while a request is due but no connection is ready for it: the connection's own events wake the sender
     * then, so the overdue deadline must not (that would spin).
     */
    private boolean waitsForConnection;

    MetadataExchange(Metadata metadata, RequestChannel channel) {
        this.metadata = metadata;
        this.channel = channel;
    }

    @Override
    public void poll(long nowNs) {
        waitsForConnection = false;
        if (nowNs < metadata.nextUpdateNs()) {
            return;
        }
        NodeConnection connection = channel.anyReady(nowNs);
        if (connection == null) {
            waitsForConnection = true;
            return;
        }
        metadata.requestSent(nowNs);
        // As Kafka's producer does: a broker with auto.create.topics.enable=true creates the topic.
        channel.send(connection, new MetadataRequest(metadata.topics(), true), this, nowNs);
    }

    @Override
    public long nextWakeUpNs() {
        return waitsForConnection ? Long.MAX_VALUE : metadata.nextUpdateNs();
    }

    @Override
    public void onResponse(Response response, long nowNs) {
        metadata.update((MetadataResponse) response, nowNs);
        connectToLeaders(nowNs);
    }

    @Override
    public void onFailure(String reason, long nowNs) {
        metadata.requestFailed();
    }

    /**
     * Opens the connections the records of the known topics will need as soon as their leaders are known, so
     * the first batch to a broker does not also wait for its connection and ApiVersions round trip.
     */
    private void connectToLeaders(long nowNs) {
        ClusterView view = metadata.view();
        for (TopicInfo topic : view.topics().values()) {
            for (int partition = 0; partition < topic.partitionCount(); partition++) {
                int leader = topic.leaderOf(partition);
                if (leader >= 0) {
                    channel.toNode(leader, nowNs);
                }
            }
        }
    }
}
