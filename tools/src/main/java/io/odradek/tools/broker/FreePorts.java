package io.odradek.tools.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Finds loopback TCP ports that are free right now. */
final class FreePorts {

    private FreePorts() {
    }

    /**
     * Returns {@code count} distinct free ports. All sockets stay bound until every port is chosen, so the
     * ports are distinct; another process can still take one before the broker binds it (a small, accepted
     * race: the broker then fails to start and its log says so).
     */
    static List<Integer> allocate(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                socket.setReuseAddress(true);
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot allocate free loopback ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a socket we only used to learn a port number
                }
            }
        }
    }
}
