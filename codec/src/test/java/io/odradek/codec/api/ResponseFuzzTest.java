package io.odradek.codec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.junit.jupiter.api.Test;

import io.odradek.codec.KafkaWireProtocol;
import io.odradek.codec.api.ResponseFuzzTest.Mutation.Kind;
import io.odradek.codec.testing.KafkaFrames;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.ProtocolException;
import io.odradek.domain.protocol.RequestHeader;
import io.odradek.domain.protocol.Response;
import io.odradek.domain.protocol.VersionRange;

/**
 * Bad bytes from the wire: well-formed responses written by Kafka's own classes, at every version we speak, then
 * truncated, bit-flipped, given impossible lengths, spliced with junk, or replaced by noise. Decoding must return
 * a response or throw {@link ProtocolException} (the sender then closes the connection and retries elsewhere),
 * never anything else, and never hang.
 *
 * <p>A fixed budget runs in CI ({@value #DEFAULT_ITERATIONS} frames from seed {@value #DEFAULT_SEED}). A longer
 * run: {@code -Dodradek.fuzz.iterations=5000000 -Dodradek.fuzz.seed=...}; a failure names its seed and iteration,
 * and the same two properties replay it.
 */
class ResponseFuzzTest {
    private static final long DEFAULT_SEED = 20261202L;
    private static final int DEFAULT_ITERATIONS = 60_000;
    private static final int CORRELATION_ID = 4242;

    private final KafkaWireProtocol protocol = new KafkaWireProtocol();

    /** A well-formed response to mutate, with the request header it answers. */
    private record Sample(RequestHeader header, byte[] frame) {
    }

    /** One way of damaging a frame, kept to name it in a failure. */
    record Mutation(Kind kind, int position, int value) {
        enum Kind { TRUNCATE, FLIP_BYTES, OVERWRITE_INT, OVERWRITE_SHORT, OVERWRITE_VARINT, INSERT, APPEND, NOISE }
    }

    @Test
    void damagedResponsesDecodeOrFailAsProtocolErrorsAndNeverHang() {
        long seed = Long.getLong("odradek.fuzz.seed", DEFAULT_SEED);
        int iterations = Integer.getInteger("odradek.fuzz.iterations", DEFAULT_ITERATIONS);
        List<Sample> samples = samples();
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            Random random = new Random(seed);
            for (int i = 0; i < iterations; i++) {
                Sample sample = samples.get(random.nextInt(samples.size()));
                Mutation mutation = mutation(random, sample.frame().length);
                byte[] damaged = apply(mutation, sample.frame(), random);
                outcomes[decode(sample, damaged, mutation, seed, i) ? 0 : 1]++;
            }
        }, "decoding hung (seed " + seed + ")");
        // Both outcomes happen: the mutations reach past the header, and some damage is harmless (a flipped
        // offset still decodes).
        assertThat(outcomes[0]).as("frames that still decoded").isPositive();
        assertThat(outcomes[1]).as("frames refused as protocol errors").isGreaterThan(iterations / 4);
    }

    @Test
    void everyPrefixOfEveryResponseIsAProtocolError() {
        for (Sample sample : samples()) {
            for (int cut = 0; cut < sample.frame().length; cut++) {
                byte[] truncated = java.util.Arrays.copyOf(sample.frame(), cut);
                boolean decoded = decode(sample, truncated, new Mutation(Kind.TRUNCATE, cut, 0), DEFAULT_SEED, cut);
                if (decoded && isWholeV0ApiVersions(sample, truncated)) {
                    // A body that fails at the asked version is read as v0, the layout a broker answers
                    // UNSUPPORTED_VERSION in (Kafka's client does the same): a v1+ answer cut just before its
                    // throttle time is a whole v0 answer.
                    continue;
                }
                assertThat(decoded).as("%s v%d cut at %d of %d", sample.header().apiKey(),
                        sample.header().apiVersion(), cut, sample.frame().length).isFalse();
            }
        }
    }

    private boolean isWholeV0ApiVersions(Sample sample, byte[] frame) {
        if (sample.header().apiKey() != ApiKey.API_VERSIONS) {
            return false;
        }
        RequestHeader v0 = new RequestHeader(ApiKey.API_VERSIONS, (short) 0, CORRELATION_ID, "fuzz");
        try {
            return protocol.decodeResponse(v0, ByteBuffer.wrap(frame)) != null;
        } catch (ProtocolException e) {
            return false;
        }
    }

    /** True if it decoded, false if refused as a protocol error; anything else fails the test with a replay hint. */
    private boolean decode(Sample sample, byte[] damaged, Mutation mutation, long seed, int iteration) {
        try {
            Response response = protocol.decodeResponse(sample.header(), ByteBuffer.wrap(damaged));
            assertThat(response).isNotNull();
            return true;
        } catch (ProtocolException expected) {
            return false;
        } catch (Throwable unexpected) {
            throw new AssertionError("decoding " + sample.header().apiKey() + " v" + sample.header().apiVersion()
                    + " after " + mutation + " threw " + unexpected + " (replay: -Dodradek.fuzz.seed=" + seed
                    + ", iteration " + iteration + "); frame " + HexFormat.of().formatHex(damaged), unexpected);
        }
    }

    private static Mutation mutation(Random random, int length) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        int position = length == 0 ? 0 : random.nextInt(length);
        int value = switch (kind) {
            case OVERWRITE_INT -> interestingInt(random);
            case OVERWRITE_SHORT -> (short) interestingInt(random);
            case OVERWRITE_VARINT -> random.nextInt(1 << 28);
            case FLIP_BYTES, INSERT, APPEND -> 1 + random.nextInt(8);
            case NOISE -> random.nextInt(300);
            case TRUNCATE -> 0;
        };
        return new Mutation(kind, position, value);
    }

    /** Lengths and counts that break naive decoders: negatives, huge, off by one. */
    private static int interestingInt(Random random) {
        int[] edges = {-2, -1, 0, 1, 127, 128, 255, 0x7FFF, 0x8000, 0xFFFF, Integer.MAX_VALUE, Integer.MIN_VALUE,
                Integer.MAX_VALUE - 1, 1 << 20};
        return random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextInt();
    }

    private static byte[] apply(Mutation mutation, byte[] frame, Random random) {
        int at = mutation.position();
        switch (mutation.kind()) {
            case TRUNCATE -> {
                return java.util.Arrays.copyOf(frame, at);
            }
            case FLIP_BYTES -> {
                byte[] out = frame.clone();
                for (int i = 0; i < mutation.value() && out.length > 0; i++) {
                    out[random.nextInt(out.length)] ^= (byte) (1 + random.nextInt(255));
                }
                return out;
            }
            case OVERWRITE_INT -> {
                return overwrite(frame, at, ByteBuffer.allocate(4).putInt(mutation.value()).array());
            }
            case OVERWRITE_SHORT -> {
                return overwrite(frame, at, ByteBuffer.allocate(2).putShort((short) mutation.value()).array());
            }
            case OVERWRITE_VARINT -> {
                return overwrite(frame, at, unsignedVarint(mutation.value()));
            }
            case INSERT, APPEND -> {
                byte[] junk = new byte[mutation.value()];
                random.nextBytes(junk);
                int where = mutation.kind() == Kind.APPEND ? frame.length : at;
                byte[] out = new byte[frame.length + junk.length];
                System.arraycopy(frame, 0, out, 0, where);
                System.arraycopy(junk, 0, out, where, junk.length);
                System.arraycopy(frame, where, out, where + junk.length, frame.length - where);
                return out;
            }
            case NOISE -> {
                byte[] out = new byte[mutation.value()];
                random.nextBytes(out);
                if (out.length >= 4) {
                    // Keep the correlation id, so the noise reaches the body decoders.
                    ByteBuffer.wrap(out).putInt(0, CORRELATION_ID);
                }
                return out;
            }
            default -> throw new IllegalStateException(mutation.kind().toString());
        }
    }

    private static byte[] overwrite(byte[] frame, int at, byte[] bytes) {
        byte[] out = frame.clone();
        for (int i = 0; i < bytes.length && at + i < out.length; i++) {
            out[at + i] = bytes[i];
        }
        return out;
    }

    private static byte[] unsignedVarint(int value) {
        ByteBuffer out = ByteBuffer.allocate(5);
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.put((byte) v);
        return java.util.Arrays.copyOf(out.array(), out.position());
    }

    // ---- well-formed samples, every version we speak ----

    /** Every API we speak, at every version we speak it: a new codec is fuzzed as soon as it is listed. */
    private static List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        for (ApiKey api : ApiKey.values()) {
            if (ApiSupport.versions(api) == null) {
                continue;
            }
            for (short v : versions(api)) {
                samples.add(sample(api, ApiKeys.forId(api.id()), v, WellFormedResponses.body(api, v)));
            }
        }
        return samples;
    }

    private static List<Short> versions(ApiKey api) {
        VersionRange range = ApiSupport.versions(api);
        List<Short> versions = new ArrayList<>();
        for (int v = range.min(); v <= range.max(); v++) {
            versions.add((short) v);
        }
        return versions;
    }

    private static Sample sample(ApiKey ours, ApiKeys theirs, short version, ApiMessage body) {
        ByteBuffer frame = KafkaFrames.responseFrame(CORRELATION_ID, theirs, version, body);
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return new Sample(new RequestHeader(ours, version, CORRELATION_ID, "fuzz"), bytes);
    }
}
