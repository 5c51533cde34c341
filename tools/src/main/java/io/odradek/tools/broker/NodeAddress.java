package io.odradek.tools.broker;

/** Where one KRaft node listens: its node id, client (PLAINTEXT) port and controller port. */
record NodeAddress(int nodeId, int brokerPort, int controllerPort) {

    static final String HOST = "127.0.0.1";

    String bootstrapServer() {
        return HOST + ":" + brokerPort;
    }

    String voter() {
        return nodeId + "@" + HOST + ":" + controllerPort;
    }
}
