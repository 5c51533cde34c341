package io.odradek.api;

import java.util.Objects;

/**
 * A broker of the cluster, as the last metadata response named it.
 *
 * @param id   the broker's node id ({@code node.id})
 * @param host the host name or address it advertises to clients
 * @param port its client port
 */
public record Broker(int id, String host, int port) {

    public Broker {
        Objects.requireNonNull(host, "host");
    }

    /** {@code host:port}, as {@code bootstrap.servers} spells an address. */
    public String address() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
