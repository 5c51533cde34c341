package io.odradek.transport.nio;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Connections by id: an open-addressing map with int keys, so that looking up a connection on every
 * {@code send} boxes nothing. Used by the I/O thread only.
 */
final class ConnectionTable {

    private int[] ids = new int[16];
    private NioConnection[] connections = new NioConnection[16];
    private int size;

    NioConnection get(int id) {
        int mask = ids.length - 1;
        for (int i = slot(id, mask); connections[i] != null; i = (i + 1) & mask) {
            if (ids[i] == id) {
                return connections[i];
            }
        }
        return null;
    }

    /** Adds or replaces the connection under {@code connection.id()}. */
    void put(NioConnection connection) {
        if ((size + 1) * 2 > ids.length) {
            resize(ids.length * 2);
        }
        insert(connection);
    }

    NioConnection remove(int id) {
        int mask = ids.length - 1;
        int i = slot(id, mask);
        while (connections[i] != null && ids[i] != id) {
            i = (i + 1) & mask;
        }
        NioConnection removed = connections[i];
        if (removed == null) {
            return null;
        }
        connections[i] = null;
        size--;
        // Backward-shift deletion: pull later entries of the probe run into the hole so lookups never stop early.
        for (int j = (i + 1) & mask; connections[j] != null; j = (j + 1) & mask) {
            int home = slot(ids[j], mask);
            boolean homeBetweenHoleAndJ = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (!homeBetweenHoleAndJ) {
                ids[i] = ids[j];
                connections[i] = connections[j];
                connections[j] = null;
                i = j;
            }
        }
        return removed;
    }

    int size() {
        return size;
    }

    void forEach(Consumer<NioConnection> action) {
        for (NioConnection connection : connections.clone()) {
            if (connection != null) {
                action.accept(connection);
            }
        }
    }

    void clear() {
        Arrays.fill(connections, null);
        size = 0;
    }

    private void insert(NioConnection connection) {
        int mask = ids.length - 1;
        int i = slot(connection.id(), mask);
        while (connections[i] != null && ids[i] != connection.id()) {
            i = (i + 1) & mask;
        }
        if (connections[i] == null) {
            size++;
        }
        ids[i] = connection.id();
        connections[i] = connection;
    }

    private void resize(int capacity) {
        NioConnection[] old = connections;
        ids = new int[capacity];
        connections = new NioConnection[capacity];
        size = 0;
        for (NioConnection connection : old) {
            if (connection != null) {
                insert(connection);
            }
        }
    }

    private static int slot(int id, int mask) {
        int h = id * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
