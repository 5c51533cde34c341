/**
 * gzip, snappy, lz4 and zstd behind the domain's {@code CompressionCodec} port. Exports nothing: the domain
 * finds the codecs with {@code ServiceLoader}. The codec libraries are optional ({@code requires static}):
 * an application adds those it configures, and a missing one fails at producer construction naming it.
 */
module io.odradek.compression {
    requires io.odradek.domain;
    requires static org.lz4.java;
    // snappy-java has no module name of its own; this is the one the JDK derives from its file name.
    requires static snappy.java;
    requires static com.github.luben.zstd_jni;

    provides io.odradek.domain.port.CompressionCodec with
            io.odradek.compression.GzipCodec,
            io.odradek.compression.SnappyCodec,
            io.odradek.compression.Lz4Codec,
            io.odradek.compression.ZstdCodec;
}
