package io.odradek.codec.api;

import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.VersionRange;

/**
 * Which versions of each API we speak. Minimums follow KIP-896: Kafka 4.0 dropped Produce below v3 and Metadata
 * below v4; it kept every version of the transaction APIs, and we speak them all but FindCoordinator v0, which
 * cannot name a transaction coordinator. The facts live with each API's codec; this is the view the
 * wire-protocol port and tests need.
 */
public final class ApiSupport {
    private ApiSupport() {
    }

    /** Our versions of {@code apiKey}, or null if this codec does not speak it. */
    public static VersionRange versions(ApiKey apiKey) {
        ApiCodec<?, ?> codec = ApiCodecs.forKey(apiKey);
        return codec == null ? null : codec.versions();
    }

    /** The codec of {@code apiKey} at {@code version}; fails loudly outside our range: a negotiation bug, not I/O. */
    static ApiCodec<?, ?> checkedCodec(ApiKey apiKey, short version) {
        ApiCodec<?, ?> codec = ApiCodecs.forKey(apiKey);
        if (codec == null) {
            throw new IllegalArgumentException("this codec does not speak " + apiKey);
        }
        VersionRange range = codec.versions();
        if (version < range.min() || version > range.max()) {
            throw new IllegalArgumentException(apiKey + " v" + version + " is outside our versions " + range);
        }
        return codec;
    }
}
