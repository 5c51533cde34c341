package io.odradek.codec.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.common.message.SaslAuthenticateRequestData;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.apache.kafka.common.message.SaslHandshakeRequestData;
import org.apache.kafka.common.message.SaslHandshakeResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.odradek.codec.KafkaWireProtocol;
import io.odradek.codec.testing.KafkaFrames;
import io.odradek.codec.testing.KafkaFrames.ParsedRequest;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.RequestHeader;
import io.odradek.domain.protocol.SaslAuthenticateRequest;
import io.odradek.domain.protocol.SaslAuthenticateResponse;
import io.odradek.domain.protocol.SaslHandshakeRequest;
import io.odradek.domain.protocol.SaslHandshakeResponse;

/** SaslHandshake and SaslAuthenticate, both ways, checked with Kafka's own generated message classes. */
class SaslCodecsAgainstKafkaTest {
    private static final byte[] CLIENT_FIRST = "n,,n=alice,r=fyko+d2lbbFgONRv9qkxdawL".getBytes(StandardCharsets.UTF_8);

    private final KafkaWireProtocol protocol = new KafkaWireProtocol();

    @ParameterizedTest(name = "v{0}")
    @ValueSource(ints = {0, 1})
    void kafkaReadsOurSaslHandshake(int version) {
        ByteBufferAccessor body = encodeAndParse(ApiKey.SASL_HANDSHAKE, version, new SaslHandshakeRequest("SCRAM-SHA-256"));

        SaslHandshakeRequestData data = new SaslHandshakeRequestData(body, (short) version);
        assertThat(data.mechanism()).isEqualTo("SCRAM-SHA-256");
        assertThat(body.buffer().remaining()).isZero();
    }

    @ParameterizedTest(name = "v{0}")
    @ValueSource(ints = {0, 1, 2})
    void kafkaReadsOurSaslAuthenticate(int version) {
        ByteBufferAccessor body = encodeAndParse(ApiKey.SASL_AUTHENTICATE, version, new SaslAuthenticateRequest(CLIENT_FIRST));

        SaslAuthenticateRequestData data = new SaslAuthenticateRequestData(body, (short) version);
        assertThat(data.authBytes()).isEqualTo(CLIENT_FIRST);
        assertThat(body.buffer().remaining()).isZero();
    }

    @ParameterizedTest(name = "v{0}")
    @ValueSource(ints = {0, 1})
    void weReadKafkasSaslHandshakeResponse(int version) {
        SaslHandshakeResponse response = (SaslHandshakeResponse) decode(ApiKey.SASL_HANDSHAKE, ApiKeys.SASL_HANDSHAKE,
                version, new SaslHandshakeResponseData().setErrorCode((short) 33)
                        .setMechanisms(List.of("PLAIN", "OAUTHBEARER")));

        assertThat(response).isEqualTo(new SaslHandshakeResponse((short) 33, List.of("PLAIN", "OAUTHBEARER")));
    }

    @ParameterizedTest(name = "v{0}")
    @ValueSource(ints = {0, 1, 2})
    void weReadKafkasSaslAuthenticateResponseWithItsSessionLifetimeFromV1(int version) {
        SaslAuthenticateResponse response = (SaslAuthenticateResponse) decode(ApiKey.SASL_AUTHENTICATE,
                ApiKeys.SASL_AUTHENTICATE, version, new SaslAuthenticateResponseData().setErrorCode((short) 0)
                        .setErrorMessage(null).setAuthBytes(new byte[] {7, 8, 9}).setSessionLifetimeMs(12_345L));

        assertThat(response.errorCode()).isZero();
        assertThat(response.errorMessage()).isNull();
        assertThat(response.authBytes()).containsExactly(7, 8, 9);
        assertThat(response.sessionLifetimeMs()).isEqualTo(version >= 1 ? 12_345L : 0L);
    }

    @ParameterizedTest(name = "v{0}")
    @ValueSource(ints = {0, 1, 2})
    void weReadTheBrokersReasonForARefusal(int version) {
        SaslAuthenticateResponse response = (SaslAuthenticateResponse) decode(ApiKey.SASL_AUTHENTICATE,
                ApiKeys.SASL_AUTHENTICATE, version, new SaslAuthenticateResponseData().setErrorCode((short) 58)
                        .setErrorMessage("Authentication failed: Invalid username or password"));

        assertThat(response.errorCode()).isEqualTo((short) 58);
        assertThat(response.errorMessage()).isEqualTo("Authentication failed: Invalid username or password");
        assertThat(response.authBytes()).isEmpty();
    }

    private ByteBufferAccessor encodeAndParse(ApiKey apiKey, int version, io.odradek.domain.protocol.Request request) {
        RequestHeader header = new RequestHeader(apiKey, (short) version, 17, "odradek-sasl");
        ParsedRequest parsed = KafkaFrames.parseRequest(protocol.encodeRequest(header, request));
        assertThat(parsed.header().apiKey()).isEqualTo(ApiKeys.forId(apiKey.id()));
        assertThat(parsed.header().apiVersion()).isEqualTo((short) version);
        assertThat(parsed.header().correlationId()).isEqualTo(17);
        return new ByteBufferAccessor(parsed.body());
    }

    private io.odradek.domain.protocol.Response decode(ApiKey ours, ApiKeys theirs, int version,
                                                       org.apache.kafka.common.protocol.ApiMessage body) {
        return protocol.decodeResponse(new RequestHeader(ours, (short) version, -3, "client"),
                KafkaFrames.responseFrame(-3, theirs, (short) version, body));
    }
}
