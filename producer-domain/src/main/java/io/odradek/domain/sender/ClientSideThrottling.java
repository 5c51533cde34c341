package io.odradek.domain.sender;

import java.util.EnumMap;
import java.util.Map;

import io.odradek.domain.protocol.ApiKey;

/**
 * The first version of each API whose throttled answers the client must honour itself (KIP-219): below it the
 * broker delayed its answer by the throttle time, from it on it answers at once and expects the client to send
 * nothing more on that connection until the throttle time has passed. The versions are those of Kafka's
 * {@code shouldClientThrottle} for the APIs a producer speaks.
 */
final class ClientSideThrottling {
    private static final Map<ApiKey, Short> FIRST_VERSION = new EnumMap<>(ApiKey.class);

    static {
        FIRST_VERSION.put(ApiKey.PRODUCE, (short) 6);
        FIRST_VERSION.put(ApiKey.METADATA, (short) 6);
        FIRST_VERSION.put(ApiKey.API_VERSIONS, (short) 2);
        FIRST_VERSION.put(ApiKey.INIT_PRODUCER_ID, (short) 1);
        FIRST_VERSION.put(ApiKey.FIND_COORDINATOR, (short) 2);
        FIRST_VERSION.put(ApiKey.ADD_PARTITIONS_TO_TXN, (short) 1);
        FIRST_VERSION.put(ApiKey.ADD_OFFSETS_TO_TXN, (short) 1);
        FIRST_VERSION.put(ApiKey.TXN_OFFSET_COMMIT, (short) 1);
        FIRST_VERSION.put(ApiKey.END_TXN, (short) 1);
    }

    private ClientSideThrottling() {
    }

    /** The first version of {@code api} whose throttling is the client's to do; Short.MAX_VALUE for none. */
    static short firstVersion(ApiKey api) {
        return FIRST_VERSION.getOrDefault(api, Short.MAX_VALUE);
    }
}
