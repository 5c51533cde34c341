package io.odradek.codec.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.ByteUtils;
import org.junit.jupiter.api.Test;

/** Our primitives agree with Kafka's ByteUtils, and the reader's error is sticky. */
class PrimitivesTest {
    private static final int[] INTS = {0, 1, -1, 63, -64, 64, 127, 128, 300, -300, 16383, 16384, 1 << 20,
        Integer.MAX_VALUE, Integer.MIN_VALUE};
    private static final long[] LONGS = {0, 1, -1, 1L << 35, -(1L << 40), Long.MAX_VALUE, Long.MIN_VALUE};

    @Test
    void varintsMatchKafkaEncodingAndSizes() {
        for (int v : INTS) {
            ByteWriter out = new ByteWriter(8);
            out.varint(v);
            ByteBuffer kafka = ByteBuffer.allocate(8);
            ByteUtils.writeVarint(v, kafka);
            assertThat(ByteBuffer.wrap(out.array(), 0, out.position())).as("varint %d", v).isEqualTo(kafka.flip());
            assertThat(Varints.varintSize(v)).isEqualTo(ByteUtils.sizeOfVarint(v));
            assertThat(new ByteReader(ByteBuffer.wrap(out.array(), 0, out.position())).varint()).isEqualTo(v);
            assertThat(Varints.unsignedVarintSize(v)).isEqualTo(ByteUtils.sizeOfUnsignedVarint(v));
        }
        for (long v : LONGS) {
            ByteBuffer kafka = ByteBuffer.allocate(10);
            ByteUtils.writeVarlong(v, kafka);
            kafka.flip();
            assertThat(Varints.varlongSize(v)).isEqualTo(ByteUtils.sizeOfVarlong(v));
            assertThat(new ByteReader(kafka).varlong()).isEqualTo(v);
        }
    }

    @Test
    void utf8LengthAndBytesMatchTheJdk() {
        String[] samples = {"", "ascii", "é", "€uro", "🔑 key", "a\uD800b", "\uDC00", "mixed-ключ-🔑-€"};
        for (String s : samples) {
            byte[] jdk = s.getBytes(StandardCharsets.UTF_8);
            assertThat(Utf8.length(s)).as(s).isEqualTo(jdk.length);
            byte[] ours = new byte[jdk.length];
            assertThat(Utf8.write(s, ours, 0)).isEqualTo(jdk.length);
            assertThat(ours).as(s).isEqualTo(jdk);
            ByteBuffer direct = ByteBuffer.allocateDirect(jdk.length);
            Utf8.write(s, direct);
            assertThat(direct.flip()).isEqualTo(ByteBuffer.wrap(jdk));
        }
    }

    @Test
    void readerReturnsZerosAfterRunningOutAndKeepsTheFirstError() {
        ByteReader in = new ByteReader(ByteBuffer.wrap(new byte[] {0, 7, 1}));
        assertThat(in.int16()).isEqualTo((short) 7);
        assertThat(in.int32()).isZero();
        String first = in.error();
        assertThat(first).contains("int32");
        assertThat(in.int8()).isZero(); // a byte is left, but the reader has already failed
        assertThat(in.nullableString()).isNull();
        assertThat(in.arrayLength(true, 1)).isZero();
        assertThat(in.error()).isEqualTo(first);
    }

    @Test
    void stringsRoundTripInBothForms() {
        ByteWriter out = new ByteWriter(4);
        out.nullableString("héllo").nullableString(null).compactNullableString("wörld").compactNullableString(null);
        ByteReader in = new ByteReader(ByteBuffer.wrap(out.array(), 0, out.position()));
        assertThat(in.nullableString()).isEqualTo("héllo");
        assertThat(in.nullableString()).isNull();
        assertThat(in.compactNullableString()).isEqualTo("wörld");
        assertThat(in.compactNullableString()).isNull();
        assertThat(in.failed()).isFalse();
        assertThat(in.remaining()).isZero();
    }

    @Test
    void requiredStringWritesLikeAStringAndRefusesNull() {
        ByteWriter out = new ByteWriter(4);
        out.requiredString("tx-1", false).requiredString("tx-2", true);
        ByteReader in = new ByteReader(ByteBuffer.wrap(out.array(), 0, out.position()));
        assertThat(in.nullableString()).isEqualTo("tx-1");
        assertThat(in.compactNullableString()).isEqualTo("tx-2");
        assertThat(in.remaining()).isZero();
        assertThatThrownBy(() -> new ByteWriter(4).requiredString(null, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownTaggedFieldsAreSkippedAndKnownOnesReadWithinTheirSize() {
        ByteWriter out = new ByteWriter(4);
        out.unsignedVarint(2);
        out.unsignedVarint(0).unsignedVarint(6).int32(42).int16(9); // known tag 0, with 2 extra bytes
        out.unsignedVarint(5).unsignedVarint(3).int8(1).int8(2).int8(3); // unknown tag 5
        out.int32(77);
        ByteReader in = new ByteReader(ByteBuffer.wrap(out.array(), 0, out.position()));
        int[] seen = new int[1];
        in.readTaggedFields((tag, reader) -> {
            if (tag == 0) {
                seen[0] = reader.int32();
            }
        });
        assertThat(seen[0]).isEqualTo(42);
        assertThat(in.int32()).isEqualTo(77);
        assertThat(in.failed()).isFalse();
    }
}
