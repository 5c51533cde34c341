package io.odradek.tools.broker;

/**
 * A listener of its own for clients (named {@code EXTERNAL}), beside the one brokers replicate over: the node
 * binds it on {@code port} and tells clients to connect to {@code advertisedAddress} instead, e.g. a proxy in
 * front of the port. Cutting the proxy then cuts clients off a node while replication carries on.
 */
record ClientListener(int port, String advertisedAddress) {

    static final String NAME = "EXTERNAL";

    ClientListener {
        if (!advertisedAddress.matches("[^:\\s]+:\\d+")) {
            throw new IllegalArgumentException("not a host:port: " + advertisedAddress);
        }
    }
}
