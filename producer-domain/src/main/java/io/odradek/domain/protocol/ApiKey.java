package io.odradek.domain.protocol;

/** The Kafka APIs a producer uses, with their protocol ids. */
public enum ApiKey {
    PRODUCE(0),
    METADATA(3),
    FIND_COORDINATOR(10),
    SASL_HANDSHAKE(17),
    API_VERSIONS(18),
    INIT_PRODUCER_ID(22),
    ADD_PARTITIONS_TO_TXN(24),
    ADD_OFFSETS_TO_TXN(25),
    END_TXN(26),
    TXN_OFFSET_COMMIT(28),
    SASL_AUTHENTICATE(36);

    private static final ApiKey[] BY_ID = new ApiKey[64];

    static {
        for (ApiKey key : values()) {
            BY_ID[key.id] = key;
        }
    }

    private final int id;

    ApiKey(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** The key with this id, or null for APIs the producer does not use. */
    public static ApiKey forId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
