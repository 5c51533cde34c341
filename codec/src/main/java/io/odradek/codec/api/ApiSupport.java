package io.odradek.codec.api;

import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.VersionRange;

/**
 * Which versions of each API we speak, and from which version each is "flexible" (compact strings and
 * arrays, tagged fields, header v2 / v1). The facts come from the {@code flexibleVersions} of Kafka's JSON
 * schemas. Minimums follow KIP-896: Kafka 4.0 dropped Produce below v3 and Metadata below v4.
 */
public final class ApiSupport {
    private ApiSupport() {
    }

    // Produce v13 names topics by id and InitProducerId v6 (KIP-939 2PC) is unstable in 4.1: not yet.
    private static final VersionRange PRODUCE = VersionRange.of(3, 12);
    // Metadata v13 adds a top-level error code; v12 already covers 3.9 and 4.x brokers.
    private static final VersionRange METADATA = VersionRange.of(4, 12);
    private static final VersionRange API_VERSIONS = VersionRange.of(0, 3);
    private static final VersionRange INIT_PRODUCER_ID = VersionRange.of(0, 5);

    /** Our versions of {@code apiKey}, or null if this codec does not speak it. */
    public static VersionRange versions(ApiKey apiKey) {
        return switch (apiKey) {
            case PRODUCE -> PRODUCE;
            case METADATA -> METADATA;
            case API_VERSIONS -> API_VERSIONS;
            case INIT_PRODUCER_ID -> INIT_PRODUCER_ID;
            default -> null;
        };
    }

    /** Whether {@code version} of {@code apiKey} uses the flexible encoding. */
    public static boolean isFlexible(ApiKey apiKey, short version) {
        return switch (apiKey) {
            case PRODUCE, METADATA -> version >= 9;
            case API_VERSIONS -> version >= 3;
            case INIT_PRODUCER_ID -> version >= 2;
            default -> throw new IllegalArgumentException("no codec for " + apiKey);
        };
    }

    /** Whether the response header carries tagged fields (v1); ApiVersions always answers with v0. */
    public static boolean hasFlexibleResponseHeader(ApiKey apiKey, short version) {
        return apiKey != ApiKey.API_VERSIONS && isFlexible(apiKey, version);
    }

    /** Fails loudly when the domain asks for a version outside our range: a negotiation bug, not I/O. */
    public static void checkSupported(ApiKey apiKey, short version) {
        VersionRange range = versions(apiKey);
        if (range == null) {
            throw new IllegalArgumentException("this codec does not speak " + apiKey);
        }
        if (version < range.min() || version > range.max()) {
            throw new IllegalArgumentException(apiKey + " v" + version + " is outside our versions " + range);
        }
    }
}
