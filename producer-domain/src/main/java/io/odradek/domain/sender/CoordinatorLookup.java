package io.odradek.domain.sender;

import java.util.HashMap;
import java.util.Map;

import io.odradek.domain.metadata.Node;
import io.odradek.domain.protocol.CoordinatorType;
import io.odradek.domain.protocol.FindCoordinatorRequest;
import io.odradek.domain.protocol.FindCoordinatorResponse;
import io.odradek.domain.protocol.KafkaError;
import io.odradek.domain.protocol.Response;

/**
 * Which broker coordinates a transactional id or a consumer group: found with FindCoordinator (any broker answers),
 * remembered until the coordinator says it no longer is, or cannot be reached. I/O thread only.
 */
final class CoordinatorLookup {
    private final RequestChannel channel;
    private final Map<Key, Node> known = new HashMap<>();

    record Key(CoordinatorType type, String key) {
    }

    /** How a lookup ended, for the exchange that needed it. */
    interface Listener {
        void found(long nowNs);

        void failed(short errorCode, String message, long nowNs);
    }

    CoordinatorLookup(RequestChannel channel) {
        this.channel = channel;
    }

    boolean isKnown(Key key) {
        return known.containsKey(key);
    }

    /**
     * Sends a FindCoordinator for {@code key} through any ready broker; false if none is ready yet (the attempt
     * starts connecting). {@code listener} hears how it ended.
     */
    boolean lookUp(Key key, Listener listener, long nowNs) {
        NodeConnection any = channel.anyReady(nowNs);
        if (any == null) {
            return false;
        }
        channel.send(any, new FindCoordinatorRequest(key.type(), key.key()), new Lookup(key, listener), nowNs);
        return true;
    }

    /** The connection to the known coordinator of {@code key} if it is ready; else null (it is being opened). */
    NodeConnection readyConnection(Key key, long nowNs) {
        NodeConnection connection = channel.toAddress(known.get(key), nowNs);
        return connection.canSend(nowNs) ? connection : null;
    }

    /** The coordinator moved or is gone: look it up again next time. */
    void forget(Key key) {
        known.remove(key);
    }

    private final class Lookup implements ResponseHandler {
        private final Key key;
        private final Listener listener;

        Lookup(Key key, Listener listener) {
            this.key = key;
            this.listener = listener;
        }

        @Override
        public void onResponse(Response response, long nowNs) {
            FindCoordinatorResponse found = (FindCoordinatorResponse) response;
            if (found.errorCode() == KafkaError.NONE) {
                Node node = new Node(found.nodeId(), found.host(), found.port());
                known.put(key, node);
                channel.toAddress(node, nowNs);
                listener.found(nowNs);
            } else {
                listener.failed(found.errorCode(), found.errorMessage(), nowNs);
            }
        }

        @Override
        public void onFailure(String reason, long nowNs) {
            listener.failed(KafkaError.NETWORK_EXCEPTION, reason, nowNs);
        }
    }
}
