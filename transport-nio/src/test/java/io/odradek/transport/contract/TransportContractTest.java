package io.odradek.transport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.odradek.domain.port.Transport;
import io.odradek.domain.port.TransportFactory;
import io.odradek.domain.port.TransportSettings;
import io.odradek.domain.port.TlsEngineFactory;
import io.odradek.transport.contract.RecordingHandler.Disconnected;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Transport} must do, against a real loopback socket. A transport module runs it by
 * subclassing and naming its factory:
 *
 * <pre>{@code
 * class NettyTransportContractTest extends TransportContractTest {
 *     @Override protected TransportFactory factory() { return new NettyTransportFactory(); }
 * }
 * }</pre>
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class TransportContractTest {

    protected static final int DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
    private static final AtomicInteger TRANSPORTS = new AtomicInteger();

    private final List<AutoCloseable> resources = new ArrayList<>();

    /** The transport under test. */
    protected abstract TransportFactory factory();

    @AfterEach
    void closeResources() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void deliversSeveralFramesThatArriveInOneSegment() throws IOException {
        RecordingHandler handler = startTransport(DEFAULT_MAX_RESPONSE_BYTES, -1);
        LoopbackServer server = server(-1);
        Socket peer = connect(handler, 1, server);
        byte[][] payloads = {TestFrame.payload(10, 1), new byte[0], TestFrame.payload(300, 2)};

        ByteBuffer segment = ByteBuffer.allocate(4 * 3 + 310);
        for (byte[] payload : payloads) {
            segment.putInt(payload.length).put(payload);
        }
        peer.getOutputStream().write(segment.array());

        Await.until(() -> handler.responses(1).size() == 3, () -> "3 responses, got " + handler.events());
        assertThat(handler.responses(1)).containsExactly(payloads);
    }

    @Test
    void reassemblesAFrameWrittenOneByteAtATime() throws IOException {
        RecordingHandler handler = startTransport(DEFAULT_MAX_RESPONSE_BYTES, -1);
        Socket peer = connect(handler, 1, server(-1));
        byte[] payload = TestFrame.payload(64, 3);

        OutputStream out = peer.getOutputStream();
        for (byte b : TestFrame.onTheWire(payload)) {
            out.write(b);
            out.flush();
        }

        Await.until(() -> handler.responses(1).size() == 1, () -> "one response, got " + handler.events());
        assertThat(handler.responses(1).get(0)).isEqualTo(payload);
    }

    @Test
    void carriesAnEightMebibyteFrameBothWays() throws IOException {
        RecordingHandler handler = startTransport(DEFAULT_MAX_RESPONSE_BYTES, -1);
        Socket peer = connect(handler, 1, server(-1));
        byte[] payload = TestFrame.payload(8 * 1024 * 1024, 4);
        TestFrame frame = new TestFrame(0, payload, 64 * 1024, handler.writtenOrder());

        handler.run(t -> t.send(1, frame));
        byte[] received = new byte[4 + payload.length];
        new DataInputStream(peer.getInputStream()).readFully(received);
        assertThat(received).isEqualTo(TestFrame.onTheWire(payload));
        peer.getOutputStream().write(received);

        Await.until(() -> handler.responses(1).size() == 1, () -> "the echoed 8 MiB frame");
        assertThat(handler.responses(1).get(0)).isEqualTo(payload);
        assertThat(frame.writtenCalls()).isEqualTo(1);
    }

    @Test
    void resumesPartialWritesAndReportsEachFrameWrittenOnceInOrder() throws IOException {
        RecordingHandler handler = startTransport(DEFAULT_MAX_RESPONSE_BYTES, 16 * 1024);
        Socket peer = connect(handler, 1, server(16 * 1024));
        int frameCount = 20;
        List<byte[]> payloads = new ArrayList<>();
        List<TestFrame> frames = new ArrayList<>();
        for (int i = 0; i < frameCount; i++) {
            payloads.add(TestFrame.payload(256 * 1024, 100 + i));
            frames.add(new TestFrame(i, payloads.get(i), 16 * 1024, handler.writtenOrder()));
        }

        long pendingRightAfterSend = handler.call(t -> {
            frames.forEach(f -> t.send(1, f));
            return t.pendingWriteBytes(1);
        });
        assertThat(pendingRightAfterSend).as("5 MiB cannot fit in the socket buffers at once").isPositive();

        DataInputStream in = new DataInputStream(peer.getInputStream());
        byte[] slowChunk = new byte[4096];
        for (byte[] payload : payloads) {
            assertThat(in.readInt()).isEqualTo(payload.length);
            byte[] received = new byte[payload.length];
            for (int offset = 0; offset < received.length; offset += slowChunk.length) {
                in.readFully(slowChunk);
                System.arraycopy(slowChunk, 0, received, offset, slowChunk.length);
            }
            assertThat(received).isEqualTo(payload);
        }

        Await.until(() -> handler.writtenOrder().size() == frameCount, () -> "onWritten for every frame");
        assertThat(handler.writtenOrder()).containsExactlyElementsOf(IntStream.range(0, frameCount).boxed().toList());
        assertThat(frames).allSatisfy(f -> assertThat(f.writtenCalls()).isEqualTo(1));
        assertThat(handler.<Long>call(t -> t.pendingWriteBytes(1))).isZero();
    }

    @Test
    void reportsARefusedConnectionAsDisconnected() throws IOException {
        RecordingHandler handler = startTransport(DEFAULT_MAX_RESPONSE_BYTES, -1);
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }

        handler.run(t -> t.connect(7, "127.0.0.1", closedPort));

        Await.until(() -> !handler.disconnects().isEmpty(), () -> "onDisconnected for the refused connection");
        assertThat(handler.events()).singleElement().isInstanceOfSatisfying(Disconnected.class, d -> {
            assertThat(d.connectionId()).isEqualTo(7);
            assertThat(d.reason()).isNotBlank();
        });
    }

    @Test
    void reportsAnUnresolvableHostLaterNotInsideConnect() {
        RecordingHandler handler = startTransport(DEFAULT_MAX_RESPONSE_BYTES, -1);

        handler.run(t -> t.connect(3, "odradek-no-such-host.invalid", 9092));

        Await.until(() -> !handler.disconnects().isEmpty(), () -> "onDisconnected for the unresolvable host");
        Disconnected disconnected = handler.disconnects().get(0);
        assertThat(disconnected.connectionId()).isEqualTo(3);
        assertThat(disconnected.reason()).contains("odradek-no-such-host.invalid");
        assertThat(disconnected.duringTransportCall()).as("reported re-entrantly from inside connect()").isFalse();
        assertThat(handler.events()).hasSize(1);
    }

    @Test
    void reportsAPeerThatClosesMidFrameWithoutDeliveringAPartialFrame() throws IOException {
        RecordingHandler handler = startTransport(DEFAULT_MAX_RESPONSE_BYTES, -1);
        Socket peer = connect(handler, 1, server(-1));

        peer.getOutputStream().write(ByteBuffer.allocate(14).putInt(100).put(new byte[10]).array());
        peer.close();

        Await.until(() -> !handler.disconnects().isEmpty(), () -> "onDisconnected after the peer closed");
        assertThat(handler.responses(1)).isEmpty();
        assertThat(handler.disconnects()).singleElement().satisfies(d -> assertThat(d.reason()).isNotBlank());
    }

    @Test
    void dropsQueuedFramesWhenThePeerCloses() throws IOException {
        RecordingHandler handler = startTransport(DEFAULT_MAX_RESPONSE_BYTES, 16 * 1024);
        Socket peer = connect(handler, 1, server(16 * 1024));
        ByteBuffer shared = ByteBuffer.allocateDirect(1024 * 1024);
        assertThat(handler.<Long>call(t -> {
            t.send(1, new TestFrame(0, shared, 8, handler.writtenOrder()));
            return t.pendingWriteBytes(1);
        })).isPositive();

        peer.close();

        Await.until(() -> !handler.disconnects().isEmpty(), () -> "onDisconnected after the peer closed");
        assertThat(handler.<Long>call(t -> {
            t.send(1, new TestFrame(1, shared, 1, handler.writtenOrder()));
            return t.pendingWriteBytes(1);
        })).as("frames on a closed connection are dropped").isZero();
        assertThat(handler.writtenOrder()).isEmpty();
    }

    @Test
    void disconnectsOnAFrameLargerThanTheMaximumResponseSize() throws IOException {
        RecordingHandler handler = startTransport(1024, -1);
        Socket peer = connect(handler, 1, server(-1));

        peer.getOutputStream().write(ByteBuffer.allocate(4 + 100).putInt(2048).array());

        Await.until(() -> !handler.disconnects().isEmpty(), () -> "onDisconnected for the oversized frame");
        assertThat(handler.disconnects().get(0).reason()).contains("2048");
        assertThat(handler.responses(1)).isEmpty();
        assertThat(peer.getInputStream().read()).as("the transport closed the socket").isEqualTo(-1);
    }

    @Test
    void echoesAThousandPipelinedFramesInOrder() throws IOException {
        RecordingHandler handler = startTransport(DEFAULT_MAX_RESPONSE_BYTES, -1);
        LoopbackServer server = server(-1);
        handler.run(t -> t.connect(1, server.host(), server.port()));
        server.acceptAndEcho();
        Await.until(() -> handler.isConnected(1), () -> "onConnected");
        List<byte[]> payloads = IntStream.range(0, 1000).mapToObj(i -> TestFrame.payload(50 + i % 300, i)).toList();

        handler.run(t -> {
            for (int i = 0; i < payloads.size(); i++) {
                t.send(1, new TestFrame(i, payloads.get(i), 128, handler.writtenOrder()));
            }
        });

        Await.until(() -> handler.responses(1).size() == 1000, () -> handler.responses(1).size() + " of 1000 echoes");
        assertThat(handler.responses(1)).containsExactlyElementsOf(payloads);
        assertThat(handler.writtenOrder()).containsExactlyElementsOf(IntStream.range(0, 1000).boxed().toList());
    }

    @Test
    void closeWhileFramesAreQueuedStopsTheIoThread() throws IOException {
        RecordingHandler handler = new RecordingHandler();
        Transport transport = factory().create(settings(DEFAULT_MAX_RESPONSE_BYTES, 16 * 1024), handler);
        handler.attach(transport);
        transport.start();
        resources.add(transport);
        connect(handler, 1, server(16 * 1024)); // the peer never reads
        ByteBuffer shared = ByteBuffer.allocateDirect(1024 * 1024);
        long pending = handler.call(t -> {
            for (int i = 0; i < 64; i++) {
                t.send(1, new TestFrame(i, shared, 1, handler.writtenOrder()));
            }
            return t.pendingWriteBytes(1);
        });
        assertThat(pending).isPositive();
        Thread ioThread = handler.ioThread();

        transport.close();
        transport.close();

        assertThat(ioThread.isAlive()).isFalse();
    }

    @Test
    void disconnectClosesTheSocketWithoutTellingTheHandler() throws IOException {
        RecordingHandler handler = startTransport(DEFAULT_MAX_RESPONSE_BYTES, -1);
        LoopbackServer server = server(-1);
        Socket peer = connect(handler, 1, server);

        handler.run(t -> t.disconnect(1));

        assertThat(peer.getInputStream().read()).as("the peer sees the close").isEqualTo(-1);
        connect(handler, 2, server);
        assertThat(handler.disconnects()).isEmpty();
        assertThat(handler.<Long>call(t -> t.pendingWriteBytes(1))).isZero();
    }

    @Test
    void keepsServingWhenTheHandlerThrows() throws IOException {
        RecordingHandler handler = startTransport(DEFAULT_MAX_RESPONSE_BYTES, -1);
        Socket peer = connect(handler, 1, server(-1));
        handler.throwOnEveryResponse(true);

        peer.getOutputStream().write(TestFrame.onTheWire(TestFrame.payload(10, 1)));
        peer.getOutputStream().write(TestFrame.onTheWire(TestFrame.payload(20, 2)));

        Await.until(() -> handler.responses(1).size() == 2, () -> "both responses despite the handler throwing");
        byte[] request = TestFrame.payload(30, 3);
        handler.run(t -> t.send(1, new TestFrame(0, request, 30, handler.writtenOrder())));
        byte[] received = new byte[34];
        new DataInputStream(peer.getInputStream()).readFully(received);
        assertThat(received).isEqualTo(TestFrame.onTheWire(request));
        assertThat(handler.disconnects()).isEmpty();
    }

    @Test
    void sendsFramesQueuedBeforeTheConnectionIsEstablished() throws IOException {
        RecordingHandler handler = startTransport(DEFAULT_MAX_RESPONSE_BYTES, -1);
        LoopbackServer server = server(-1);
        byte[] payload = TestFrame.payload(1000, 9);

        handler.run(t -> {
            t.connect(1, server.host(), server.port());
            t.send(1, new TestFrame(0, payload, 100, handler.writtenOrder()));
        });
        Socket peer = server.accept();

        byte[] received = new byte[1004];
        new DataInputStream(peer.getInputStream()).readFully(received);
        assertThat(received).isEqualTo(TestFrame.onTheWire(payload));
        Await.until(() -> handler.writtenOrder().size() == 1, () -> "onWritten");
    }

    // --- TLS: the same frames, encrypted; and the handshake's failures, reported as such ---

    @Test
    void carriesFramesBothWaysOverTlsIncludingOneLargerThanManyRecords() throws IOException {
        Tls tls = Tls.certificates();
        RecordingHandler handler = startTransport(TestTls.clientEngines(tls.trustsServers, null,
                List.of("TLSv1.3", "TLSv1.2"), true));
        LoopbackServer server = tlsServer(tls.server, null, false);
        handler.run(t -> t.connect(1, server.host(), server.port()));
        server.acceptAndEcho();
        Await.until(() -> handler.isConnected(1), () -> "onConnected after the TLS handshake, got " + handler.events());
        List<byte[]> payloads = IntStream.range(0, 300)
                .mapToObj(i -> TestFrame.payload(i == 150 ? 3 * 1024 * 1024 : 40 + i * 97 % 5000, i)).toList();

        handler.run(t -> {
            for (int i = 0; i < payloads.size(); i++) {
                t.send(1, new TestFrame(i, payloads.get(i), 4096, handler.writtenOrder()));
            }
        });

        Await.until(() -> handler.responses(1).size() == payloads.size(),
                () -> handler.responses(1).size() + " of " + payloads.size() + " echoes over TLS");
        assertThat(handler.responses(1)).containsExactlyElementsOf(payloads);
        assertThat(handler.writtenOrder()).containsExactlyElementsOf(IntStream.range(0, payloads.size()).boxed().toList());
        assertThat(handler.disconnects()).isEmpty();
    }

    @Test
    void queuesFramesSentDuringTheTlsHandshakeAndSendsThemAfterIt() throws IOException {
        Tls tls = Tls.certificates();
        RecordingHandler handler = startTransport(TestTls.clientEngines(tls.trustsServers, null,
                List.of("TLSv1.3"), true));
        LoopbackServer server = tlsServer(tls.server, null, false);
        byte[] payload = TestFrame.payload(5000, 12);

        handler.run(t -> {
            t.connect(1, server.host(), server.port());
            t.send(1, new TestFrame(0, payload, 700, handler.writtenOrder()));
        });
        Socket peer = server.accept();

        byte[] received = new byte[payload.length + 4];
        new DataInputStream(peer.getInputStream()).readFully(received);
        assertThat(received).isEqualTo(TestFrame.onTheWire(payload));
        assertThat(((SSLSocket) peer).getSession().getProtocol()).isEqualTo("TLSv1.3");
    }

    @Test
    void speaksTls12WhenThatIsTheOnlyProtocolEnabled() throws IOException {
        Tls tls = Tls.certificates();
        RecordingHandler handler = startTransport(TestTls.clientEngines(tls.trustsServers, null,
                List.of("TLSv1.2"), true));
        Socket peer = connect(handler, 1, tlsServer(tls.server, null, false));
        byte[] payload = TestFrame.payload(70_000, 5);

        peer.getOutputStream().write(TestFrame.onTheWire(payload));

        Await.until(() -> handler.responses(1).size() == 1, () -> "one response over TLS 1.2");
        assertThat(handler.responses(1).get(0)).isEqualTo(payload);
        assertThat(((SSLSocket) peer).getSession().getProtocol()).isEqualTo("TLSv1.2");
    }

    @Test
    void reportsAnUntrustedServerCertificateAsAHandshakeFailureNotADisconnect() throws IOException {
        Tls tls = Tls.certificates();
        RecordingHandler handler = startTransport(TestTls.clientEngines(tls.trustsOnlyClient, null,
                List.of("TLSv1.3", "TLSv1.2"), true));
        LoopbackServer server = tlsServer(tls.server, null, false);

        handler.run(t -> t.connect(1, server.host(), server.port()));
        server.acceptAndEcho();

        Await.until(() -> !handler.tlsFailures().isEmpty(), () -> "onTlsHandshakeFailed, got " + handler.events());
        assertThat(handler.tlsFailures().get(0).reason()).containsIgnoringCase("certification path");
        assertThat(handler.disconnects()).isEmpty();
        assertThat(handler.isConnected(1)).isFalse();
    }

    @Test
    void reportsACertificateForAnotherHostAsAHandshakeFailure() throws IOException {
        Tls tls = Tls.certificates();
        RecordingHandler handler = startTransport(TestTls.clientEngines(tls.trustsServers, null,
                List.of("TLSv1.3", "TLSv1.2"), true));
        LoopbackServer server = tlsServer(tls.impostor, null, false);

        handler.run(t -> t.connect(1, server.host(), server.port()));
        server.acceptAndEcho();

        Await.until(() -> !handler.tlsFailures().isEmpty(), () -> "onTlsHandshakeFailed, got " + handler.events());
        assertThat(handler.tlsFailures().get(0).reason()).contains("127.0.0.1");
        assertThat(handler.isConnected(1)).isFalse();
    }

    @Test
    void acceptsACertificateForAnotherHostWhenTheHostNameCheckIsOff() throws IOException {
        Tls tls = Tls.certificates();
        RecordingHandler handler = startTransport(TestTls.clientEngines(tls.trustsServers, null,
                List.of("TLSv1.3"), false));

        Socket peer = connect(handler, 1, tlsServer(tls.impostor, null, false));
        peer.getOutputStream().write(TestFrame.onTheWire(TestFrame.payload(10, 1)));

        Await.until(() -> handler.responses(1).size() == 1, () -> "a response from the impostor");
    }

    @Test
    void presentsItsCertificateWhenTheServerRequiresOne() throws IOException {
        Tls tls = Tls.certificates();
        RecordingHandler handler = startTransport(TestTls.clientEngines(tls.trustsServers, tls.client,
                List.of("TLSv1.3", "TLSv1.2"), true));

        Socket peer = connect(handler, 1, tlsServer(tls.server, tls.trustsOnlyClient, true));

        assertThat(((SSLSocket) peer).getSession().getPeerPrincipal().getName()).isEqualTo("CN=odradek-client");
    }

    @Test
    void reportsAServerThatRefusesToGoOnWithoutAClientCertificate() throws IOException {
        Tls tls = Tls.certificates();
        RecordingHandler handler = startTransport(TestTls.clientEngines(tls.trustsServers, null,
                List.of("TLSv1.3", "TLSv1.2"), true));
        LoopbackServer server = tlsServer(tls.server, tls.trustsOnlyClient, true);

        handler.run(t -> t.connect(1, server.host(), server.port()));
        server.acceptAndEcho();

        Await.until(() -> !handler.tlsFailures().isEmpty(), () -> "onTlsHandshakeFailed, got " + handler.events());
        assertThat(handler.disconnects()).isEmpty();
    }

    // --- helpers for subclasses' own tests too ---

    /** The certificates of the TLS tests, made once per JVM. */
    protected static final class Tls {
        private static Tls instance;

        final Path server;
        final Path impostor;
        final Path client;
        final Path trustsServers;
        final Path trustsOnlyClient;

        private Tls(TestCertificates certificates) {
            server = certificates.keystore("server", "localhost", "ip:127.0.0.1", "dns:localhost");
            impostor = certificates.keystore("impostor", "elsewhere.example", "dns:elsewhere.example");
            client = certificates.keystore("client", "odradek-client");
            trustsServers = certificates.truststore("trusts-servers", "server", "impostor");
            trustsOnlyClient = certificates.truststore("trusts-client", "client");
        }

        static synchronized Tls certificates() throws IOException {
            if (instance == null) {
                instance = new Tls(new TestCertificates(Files.createTempDirectory("odradek-tls-contract")));
            }
            return instance;
        }
    }

    protected RecordingHandler startTransport(TlsEngineFactory tls) {
        RecordingHandler handler = new RecordingHandler();
        TransportSettings plain = settings(DEFAULT_MAX_RESPONSE_BYTES, -1);
        Transport transport = factory().create(new TransportSettings(plain.threadName(), -1, -1,
                DEFAULT_MAX_RESPONSE_BYTES, Optional.of(tls), ""), handler);
        handler.attach(transport);
        resources.add(transport);
        transport.start();
        return handler;
    }

    protected LoopbackServer tlsServer(Path keystore, Path truststore, boolean needClientAuth) {
        LoopbackServer server = new LoopbackServer(TestTls.serverSocket(keystore, truststore, needClientAuth), -1);
        resources.add(server);
        return server;
    }

    protected TransportSettings settings(int maxResponseBytes, int socketBufferBytes) {
        return new TransportSettings("odradek-io-test-" + TRANSPORTS.incrementAndGet(), socketBufferBytes,
                socketBufferBytes, maxResponseBytes);
    }

    protected RecordingHandler startTransport(int maxResponseBytes, int socketBufferBytes) {
        RecordingHandler handler = new RecordingHandler();
        Transport transport = factory().create(settings(maxResponseBytes, socketBufferBytes), handler);
        handler.attach(transport);
        resources.add(transport);
        transport.start();
        return handler;
    }

    protected LoopbackServer server(int receiveBufferBytes) {
        LoopbackServer server = new LoopbackServer(receiveBufferBytes);
        resources.add(server);
        return server;
    }

    /** Connects {@code connectionId} to the server and waits until both sides see the connection. */
    protected Socket connect(RecordingHandler handler, int connectionId, LoopbackServer server) throws IOException {
        handler.run(t -> t.connect(connectionId, server.host(), server.port()));
        Socket peer = server.accept();
        if (peer instanceof SSLSocket tls) {
            tls.startHandshake(); // the server's half, here; the transport does its half on its I/O thread
        }
        Await.until(() -> handler.isConnected(connectionId), () -> "onConnected(" + connectionId + ")");
        return peer;
    }
}
