package io.odradek.domain.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.odradek.api.SaslAuthenticationException;
import io.odradek.api.security.OAuthBearerToken;

class SaslConversationsTest {

    /** RFC 7677 section 3: the SCRAM-SHA-256 exchange for user "user", password "pencil". */
    @Test
    void scramSha256ReproducesTheRfc7677Exchange() {
        ScramConversation scram = new ScramConversation(ScramConversation.Algorithm.SHA_256, "user", "pencil",
                "rOprNGfwEbeRWgbNEkqO");

        assertThat(text(scram.start())).isEqualTo("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        String clientFinal = text(scram.respond(bytes("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")));
        assertThat(clientFinal).isEqualTo("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        assertThat(scram.isComplete()).isFalse();
        assertThat(scram.respond(bytes("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="))).isNull();
        assertThat(scram.isComplete()).isTrue();
    }

    @Test
    void scramRefusesAServerSignatureMadeWithoutThePassword() {
        ScramConversation scram = new ScramConversation(ScramConversation.Algorithm.SHA_256, "user", "pencil",
                "rOprNGfwEbeRWgbNEkqO");
        scram.start();
        scram.respond(bytes("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));

        assertThatThrownBy(() -> scram.respond(bytes("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")))
                .isInstanceOf(SaslAuthenticationException.class)
                .hasMessageContaining("server signature does not match").hasMessageNotContaining("pencil");
    }

    @Test
    void scramRefusesANonceTheClientDidNotStartAndTooFewIterations() {
        ScramConversation foreignNonce = new ScramConversation(ScramConversation.Algorithm.SHA_512, "u", "p", "abc");
        foreignNonce.start();
        assertThatThrownBy(() -> foreignNonce.respond(bytes("r=xyz123,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")))
                .isInstanceOf(SaslAuthenticationException.class).hasMessageContaining("server-first");

        ScramConversation weak = new ScramConversation(ScramConversation.Algorithm.SHA_512, "u", "p", "abc");
        weak.start();
        assertThatThrownBy(() -> weak.respond(bytes("r=abc123,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=1")))
                .isInstanceOf(SaslAuthenticationException.class).hasMessageContaining("1 iterations");
    }

    @Test
    void scramEscapesCommasAndEqualsInTheUserName() {
        ScramConversation scram = new ScramConversation(ScramConversation.Algorithm.SHA_512, "a,b=c", "p", "n0nce");

        assertThat(text(scram.start())).isEqualTo("n,,n=a=2Cb=3Dc,r=n0nce");
    }

    @Test
    void plainSendsAuthorizationIdUserAndPasswordSeparatedByNul() {
        PlainConversation plain = new PlainConversation("alice", "alice-secret");

        assertThat(plain.start()).isEqualTo(bytes("\0alice\0alice-secret"));
        assertThat(plain.isComplete()).isTrue();
    }

    @Test
    void oauthBearerSendsTheTokenAndExtensionsAndAcknowledgesARefusal() {
        OAuthBearerConversation oauth = new OAuthBearerConversation(
                () -> new OAuthBearerToken("eyJ.x.y", "carol", Long.MAX_VALUE, Map.of("traceId", "42")));

        assertThat(text(oauth.start())).isEqualTo("n,,\u0001auth=Bearer eyJ.x.y\u0001traceId=42\u0001\u0001");
        assertThat(oauth.principal()).isEqualTo("carol");
        assertThat(oauth.respond(bytes("{\"status\":\"invalid_token\"}"))).containsExactly(1);
        assertThat(oauth.isComplete()).isTrue();
    }

    @Test
    void oauthBearerIsDoneWhenTheBrokerAcceptsWithAnEmptyMessage() {
        OAuthBearerConversation oauth = new OAuthBearerConversation(() -> new OAuthBearerToken("t", "carol", 1L));
        oauth.start();

        assertThat(oauth.respond(new byte[0])).isNull();
        assertThat(oauth.isComplete()).isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
