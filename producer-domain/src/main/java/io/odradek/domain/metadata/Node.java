package io.odradek.domain.metadata;

/** A broker as metadata names it; bootstrap addresses get negative ids until metadata names them. */
public record Node(int id, String host, int port) {
    @Override
    public String toString() {
        return host + ":" + port + " (id " + id + ")";
    }
}
