package io.odradek.compression;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredDeflateBlocksTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65_534, 65_535, 65_536, 200_000})
    void zlibInflatesStoredBlocksOfThePredictedSize(int size) throws DataFormatException {
        byte[] input = TestData.random(size, size);
        ByteBuffer in = ByteBuffer.wrap(input);
        ByteBuffer dst = ByteBuffer.allocate((int) StoredDeflateBlocks.sizeBytes(size) + 3);

        int end = StoredDeflateBlocks.write(in, dst, 3);

        assertThat(end - 3).isEqualTo(StoredDeflateBlocks.sizeBytes(size));
        assertThat(in.hasRemaining()).isFalse();
        Inflater inflater = new Inflater(true);
        inflater.setInput(dst.array(), 3, end - 3);
        byte[] output = new byte[size + 1];
        int inflated = inflater.inflate(output);
        assertThat(inflater.finished()).isTrue();
        assertThat(inflater.getRemaining()).isZero();
        assertThat(java.util.Arrays.copyOf(output, inflated)).isEqualTo(input);
        inflater.end();
    }
}
