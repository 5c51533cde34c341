package io.odradek.domain.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.odradek.domain.protocol.ApiVersionsRequest;
import io.odradek.domain.protocol.KafkaError;
import io.odradek.domain.protocol.Request;
import io.odradek.domain.protocol.Response;
import io.odradek.domain.protocol.SaslAuthenticateRequest;
import io.odradek.domain.protocol.SaslAuthenticateResponse;
import io.odradek.domain.protocol.SaslHandshakeRequest;
import io.odradek.domain.protocol.SaslHandshakeResponse;

/**
 * The broker's side of SASL/PLAIN with sessions that expire (KIP-368), per connection: it answers SaslHandshake
 * and SaslAuthenticate, and notes every other request a real broker would refuse (before authentication, while
 * re-authenticating, or after the session expired, when Kafka closes the connection).
 */
public final class FakeSaslServer {
    private final String username;
    private final String password;
    private final long sessionLifetimeMs;
    private final LongSupplier nowNs;
    private final Map<Integer, Long> sessionEndsNs = new HashMap<>();
    private final Map<Integer, Integer> authentications = new HashMap<>();
    private final List<String> violations = new ArrayList<>();

    public FakeSaslServer(String username, String password, long sessionLifetimeMs, LongSupplier nowNs) {
        this.username = username;
        this.password = password;
        this.sessionLifetimeMs = sessionLifetimeMs;
        this.nowNs = nowNs;
    }

    /** The answer to a SASL request, or null for any other request (after noting it if a broker would refuse it). */
    Response handle(int connectionId, Request request) {
        if (request instanceof SaslHandshakeRequest handshake) {
            sessionEndsNs.put(connectionId, Long.MIN_VALUE); // authenticating: nothing else may come now
            return handshake.mechanism().equals("PLAIN")
                    ? new SaslHandshakeResponse(KafkaError.NONE, List.of("PLAIN"))
                    : new SaslHandshakeResponse(KafkaError.UNSUPPORTED_SASL_MECHANISM, List.of("PLAIN"));
        }
        if (request instanceof SaslAuthenticateRequest authenticate) {
            String expected = "\0" + username + "\0" + password;
            if (!expected.equals(new String(authenticate.authBytes(), StandardCharsets.UTF_8))) {
                return new SaslAuthenticateResponse(KafkaError.SASL_AUTHENTICATION_FAILED,
                        "Authentication failed: Invalid username or password", new byte[0], 0);
            }
            sessionEndsNs.put(connectionId, sessionLifetimeMs > 0
                    ? nowNs.getAsLong() + sessionLifetimeMs * 1_000_000L : Long.MAX_VALUE);
            authentications.merge(connectionId, 1, Integer::sum);
            return new SaslAuthenticateResponse(KafkaError.NONE, null, new byte[0], sessionLifetimeMs);
        }
        if (!(request instanceof ApiVersionsRequest)) {
            Long endsNs = sessionEndsNs.get(connectionId);
            if (endsNs == null || endsNs == Long.MIN_VALUE || nowNs.getAsLong() > endsNs) {
                violations.add(request.apiKey() + " on connection " + connectionId + (endsNs == null
                        ? " before authenticating" : endsNs == Long.MIN_VALUE ? " while authenticating"
                        : " after its session ended"));
            }
        }
        return null;
    }

    /** Requests a real broker would have refused, or closed the connection for. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Successful authentications, per connection. */
    public Map<Integer, Integer> authentications() {
        return Map.copyOf(authentications);
    }
}
