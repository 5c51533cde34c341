package io.odradek.domain.protocol;

/** Which coordinator FindCoordinator looks up: a consumer group's, or a transactional id's. */
public enum CoordinatorType {
    GROUP((byte) 0),
    TRANSACTION((byte) 1);

    private final byte wireValue;

    CoordinatorType(byte wireValue) {
        this.wireValue = wireValue;
    }

    public byte wireValue() {
        return wireValue;
    }
}
