package io.odradek.domain.sender;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;

import io.odradek.domain.metadata.Node;
import io.odradek.domain.protocol.ApiKey;

/**
 * The sender's view of one broker connection: connecting, negotiating versions, authenticating (SASL), ready.
 * Reconnect attempts back off exponentially with jitter (reconnect.backoff.ms to reconnect.backoff.max.ms).
 * A ready connection whose SASL session is about to expire stops taking requests until those in flight are
 * answered, then authenticates again (KIP-368) and is ready once more.
 */
final class NodeConnection {
    enum State { DISCONNECTED, CONNECTING, NEGOTIATING, AUTHENTICATING, READY }

    private final Node node;
    private final ArrayDeque<InFlightRequest> inFlight = new ArrayDeque<>();
    /**
     * acks=0 requests handed to the transport and not yet written: no response will come for them, so if
     * the connection breaks first, this is how their batches are found again.
     */
    private final ArrayDeque<InFlightRequest> awaitingWrite = new ArrayDeque<>();
    private final Map<ApiKey, Short> versions = new EnumMap<>(ApiKey.class);
    private State state = State.DISCONNECTED;
    private int connectionId = -1;
    private int consecutiveFailures;
    private long reconnectNotBeforeNs;
    private long connectStartedNs;
    /**
     * KIP-219: a broker over a quota answers at once, says for how long the client is throttled, and expects no
     * request from it on this connection until then (a request sent anyway is held back by the broker, unread).
     */
    private long throttledUntilNs = Long.MIN_VALUE;
    /**
     * Set once a problem with this broker was logged at WARN; cleared when a connection to it is ready again (logged
     * at INFO). While it is set, further failures (each reconnect attempt) are logged at DEBUG only.
     */
    private boolean warnedUnreachable;
    /** When the SASL session should be renewed (KIP-368); Long.MAX_VALUE when it does not expire. */
    private long reauthenticateAtNs = Long.MAX_VALUE;
    /** The session is due for renewal: no new requests until those in flight are answered. */
    private boolean reauthenticationDue;
    private boolean authenticatedBefore;

    NodeConnection(Node node) {
        this.node = node;
    }

    Node node() {
        return node;
    }

    State state() {
        return state;
    }

    int connectionId() {
        return connectionId;
    }

    boolean isReady() {
        return state == State.READY && !reauthenticationDue;
    }

    /** Ready, and not muted by a quota's throttle: a request may go now. */
    boolean canSend(long nowNs) {
        return isReady() && nowNs >= throttledUntilNs;
    }

    /** Mutes the connection until {@code untilNs}, or longer if an earlier throttle already does. */
    void throttleUntil(long untilNs) {
        throttledUntilNs = Math.max(throttledUntilNs, untilNs);
    }

    /** When the connection's throttle ends, or Long.MAX_VALUE if it is not throttled at {@code nowNs}. */
    long throttleEndsNs(long nowNs) {
        return state == State.READY && nowNs < throttledUntilNs ? throttledUntilNs : Long.MAX_VALUE;
    }

    /** Whether it was established (negotiating or ready): closing it then counts as closing a connection. */
    boolean isEstablished() {
        return state == State.NEGOTIATING || state == State.AUTHENTICATING || state == State.READY;
    }

    boolean canConnect(long nowNs) {
        return state == State.DISCONNECTED && nowNs >= reconnectNotBeforeNs;
    }

    long reconnectNotBeforeNs() {
        return state == State.DISCONNECTED ? reconnectNotBeforeNs : Long.MAX_VALUE;
    }

    void connecting(int id, long nowNs) {
        connectionId = id;
        state = State.CONNECTING;
        connectStartedNs = nowNs;
    }

    /** When a connection still not established gives up (socket.connection.setup.timeout.ms). */
    long connectDeadlineNs(long setupTimeoutNs) {
        return state == State.CONNECTING ? connectStartedNs + setupTimeoutNs : Long.MAX_VALUE;
    }

    void negotiating() {
        state = State.NEGOTIATING;
    }

    /** The versions are known; authentication (if any) comes next. */
    void negotiated(Map<ApiKey, Short> negotiated) {
        versions.clear();
        versions.putAll(negotiated);
    }

    void authenticating() {
        state = State.AUTHENTICATING;
        reauthenticationDue = false;
    }

    /** Ready for requests; with SASL, until {@code reauthenticateAtNs} (Long.MAX_VALUE: no renewal needed). */
    void ready(long reauthenticateAtNs) {
        this.reauthenticateAtNs = reauthenticateAtNs;
        reauthenticationDue = false;
        state = State.READY;
        consecutiveFailures = 0;
        authenticatedBefore = true;
    }

    long reauthenticateAtNs() {
        return state == State.READY && !reauthenticationDue ? reauthenticateAtNs : Long.MAX_VALUE;
    }

    /** Stops new requests: the session will be renewed once those in flight are answered. */
    void reauthenticationDue() {
        reauthenticationDue = true;
    }

    /** Due for renewal and nothing in flight any more: time to authenticate again. */
    boolean canReauthenticate() {
        return state == State.READY && reauthenticationDue && inFlight.isEmpty() && awaitingWrite.isEmpty();
    }

    /** Whether this connection authenticated at least once (a failure then is a re-authentication's). */
    boolean authenticatedBefore() {
        return authenticatedBefore;
    }

    /** Broken or closed: forget the versions, back off before reconnecting. */
    void disconnected(long nowNs, long backoffNs, long backoffMaxNs, double jitter) {
        state = State.DISCONNECTED;
        // A throttle belongs to the connection it was answered on (as in Kafka's client): a new one starts free.
        throttledUntilNs = Long.MIN_VALUE;
        connectionId = -1;
        versions.clear();
        reauthenticateAtNs = Long.MAX_VALUE;
        reauthenticationDue = false;
        long backoff = Backoff.exponential(backoffNs, backoffMaxNs, consecutiveFailures, jitter);
        consecutiveFailures++;
        reconnectNotBeforeNs = nowNs + backoff;
    }

    /** Marks the broker as reported unreachable; true if it was not already (so this problem is worth a WARN). */
    boolean reportUnreachable() {
        boolean first = !warnedUnreachable;
        warnedUnreachable = true;
        return first;
    }

    /** Clears {@link #reportUnreachable()}; true if it was set (so the recovery is worth an INFO). */
    boolean reportReachable() {
        boolean wasReported = warnedUnreachable;
        warnedUnreachable = false;
        return wasReported;
    }

    /** The negotiated version of {@code api}, or -1 if the broker does not support it in our range. */
    short version(ApiKey api) {
        Short v = versions.get(api);
        return v == null ? -1 : v;
    }

    ArrayDeque<InFlightRequest> inFlight() {
        return inFlight;
    }

    ArrayDeque<InFlightRequest> awaitingWrite() {
        return awaitingWrite;
    }

    @Override
    public String toString() {
        return "NodeConnection(" + node + ", " + state + ", inFlight=" + inFlight.size() + ")";
    }
}
