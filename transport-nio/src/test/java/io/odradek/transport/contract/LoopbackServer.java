package io.odradek.transport.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A plain blocking server on 127.0.0.1 that the test thread scripts: accept, write bytes, read bytes, close. */
public final class LoopbackServer implements AutoCloseable {

    private static final int SOCKET_TIMEOUT_MS = 30_000;

    private final ServerSocket serverSocket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final List<Thread> echoThreads = new CopyOnWriteArrayList<>();

    /** @param receiveBufferBytes SO_RCVBUF of accepted sockets, or -1 for the OS default */
    public LoopbackServer(int receiveBufferBytes) {
        this(unbound(), receiveBufferBytes);
    }

    /** Serves on {@code unboundSocket} (e.g. a TLS server socket), bound here to a free loopback port. */
    public LoopbackServer(ServerSocket unboundSocket, int receiveBufferBytes) {
        try {
            serverSocket = unboundSocket;
            if (receiveBufferBytes > 0) {
                serverSocket.setReceiveBufferSize(receiveBufferBytes);
            }
            serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            serverSocket.setSoTimeout(SOCKET_TIMEOUT_MS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LoopbackServer() {
        this(-1);
    }

    private static ServerSocket unbound() {
        try {
            return new ServerSocket();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public Socket accept() throws IOException {
        Socket socket = serverSocket.accept();
        socket.setSoTimeout(SOCKET_TIMEOUT_MS);
        socket.setTcpNoDelay(true);
        accepted.add(socket);
        return socket;
    }

    /** Accepts one connection and echoes every byte back until the peer closes. */
    public void acceptAndEcho() throws IOException {
        Socket socket = accept();
        Thread echo = new Thread(() -> {
            byte[] chunk = new byte[64 * 1024];
            try (InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                int n;
                while ((n = in.read(chunk)) >= 0) {
                    out.write(chunk, 0, n);
                }
            } catch (IOException ignored) {
                // The test closed the transport or the server; the echo ends with it.
            }
        }, "loopback-echo");
        echo.setDaemon(true);
        echoThreads.add(echo);
        echo.start();
    }

    @Override
    public void close() throws IOException {
        for (Socket socket : accepted) {
            socket.close();
        }
        serverSocket.close();
    }
}
