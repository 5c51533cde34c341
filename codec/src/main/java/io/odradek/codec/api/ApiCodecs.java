package io.odradek.codec.api;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.odradek.domain.protocol.ApiKey;

/** Every API this codec speaks, by key. */
final class ApiCodecs {
    private static final Map<ApiKey, ApiCodec<?, ?>> BY_KEY = index(List.of(
            new ApiVersionsCodec(),
            new MetadataCodec(),
            new InitProducerIdCodec(),
            new ProduceCodec(),
            new FindCoordinatorCodec(),
            new AddPartitionsToTxnCodec(),
            new AddOffsetsToTxnCodec(),
            new TxnOffsetCommitCodec(),
            new EndTxnCodec(),
            new SaslHandshakeCodec(),
            new SaslAuthenticateCodec()));

    private ApiCodecs() {
    }

    /** The codec of {@code apiKey}, or null if this codec does not speak it. */
    static ApiCodec<?, ?> forKey(ApiKey apiKey) {
        return BY_KEY.get(apiKey);
    }

    private static Map<ApiKey, ApiCodec<?, ?>> index(List<ApiCodec<?, ?>> codecs) {
        Map<ApiKey, ApiCodec<?, ?>> byKey = new EnumMap<>(ApiKey.class);
        for (ApiCodec<?, ?> codec : codecs) {
            if (byKey.put(codec.apiKey(), codec) != null) {
                throw new IllegalStateException("two codecs for " + codec.apiKey());
            }
        }
        return byKey;
    }
}
