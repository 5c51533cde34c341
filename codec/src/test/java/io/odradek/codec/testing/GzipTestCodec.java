package io.odradek.codec.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.odradek.api.CompressionType;
import io.odradek.domain.port.CompressionCodec;

/** A plain GZIP stream, the framing Kafka reads for compression id 1; test-only, not tuned. */
public final class GzipTestCodec implements CompressionCodec {
    @Override
    public CompressionType type() {
        return CompressionType.GZIP;
    }

    @Override
    public void checkAvailable() {
    }

    @Override
    public int maxCompressedSizeBytes(int uncompressedSizeBytes) {
        return uncompressedSizeBytes + uncompressedSizeBytes / 100 + 64;
    }

    @Override
    public int compress(ByteBuffer src, ByteBuffer dst, int level) {
        byte[] input = new byte[src.remaining()];
        src.get(input);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] output = bytes.toByteArray();
        dst.put(output);
        return output.length;
    }

    @Override
    public ByteBuffer decompress(ByteBuffer src) {
        byte[] input = new byte[src.remaining()];
        src.get(input);
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(input))) {
            return ByteBuffer.wrap(gzip.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
