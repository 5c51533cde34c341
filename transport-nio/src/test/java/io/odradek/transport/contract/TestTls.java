package io.odradek.transport.contract;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

import io.odradek.domain.port.TlsEngineFactory;

/**
 * TLS for the contract tests: the client engines a transport is given (the producer builds its own from the
 * ssl.* keys) and the server sockets of the loopback peer.
 */
public final class TestTls {
    private TestTls() {
    }

    /** Client engines trusting {@code truststore}, presenting {@code keystore} if not null. */
    public static TlsEngineFactory clientEngines(Path truststore, Path keystore, List<String> protocols,
                                                 boolean checkHostName) {
        SSLContext context = context(keystore, truststore);
        return new TlsEngineFactory() {
            @Override
            public SSLEngine newClientEngine(String host, int port) {
                SSLEngine engine = context.createSSLEngine(host, port);
                engine.setUseClientMode(true);
                SSLParameters parameters = engine.getSSLParameters();
                parameters.setProtocols(protocols.toArray(String[]::new));
                if (checkHostName) {
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                }
                engine.setSSLParameters(parameters);
                return engine;
            }

            @Override
            public String describeHandshakeFailure(String address, Throwable failure) {
                return "handshake with " + address + " failed: " + failure;
            }
        };
    }

    /** An unbound TLS server socket with {@code keystore}'s key; requiring a client certificate if asked. */
    public static SSLServerSocket serverSocket(Path keystore, Path truststore, boolean needClientAuth) {
        try {
            SSLServerSocket socket = (SSLServerSocket) context(keystore, truststore).getServerSocketFactory()
                    .createServerSocket();
            socket.setNeedClientAuth(needClientAuth);
            return socket;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SSLContext context(Path keystore, Path truststore) {
        try {
            KeyManagerFactory keys = null;
            if (keystore != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(TestCertificates.load(keystore), TestCertificates.PASSWORD.toCharArray());
            }
            TrustManagerFactory trust = null;
            if (truststore != null) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init((KeyStore) TestCertificates.load(truststore));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
