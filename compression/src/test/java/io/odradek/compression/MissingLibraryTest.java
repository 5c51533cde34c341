package io.odradek.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.odradek.api.CompressionType;
import io.odradek.api.ConfigException;
import io.odradek.domain.port.CompressionCodec;

/**
 * Runs the codecs in a class loader that sees only Odradek's own classes, as a user who did not add the optional
 * compression jars would: the codecs must still load, and checkAvailable must name what to add.
 */
class MissingLibraryTest {

    private static URLClassLoader loaderWithoutCompressionJars() {
        URL[] urls = {location(GzipCodec.class), location(CompressionCodec.class), location(CompressionType.class)};
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    @ParameterizedTest
    @CsvSource({
        "io.odradek.compression.ZstdCodec, compression.type=zstd, com.github.luben:zstd-jni:",
        "io.odradek.compression.SnappyCodec, compression.type=snappy, org.xerial.snappy:snappy-java:",
        "io.odradek.compression.Lz4Codec, compression.type=lz4, at.yawk.lz4:lz4-java:"})
    void checkAvailableNamesTheCodecAndTheArtifactToAdd(String codecClass, String codecName, String artifact)
            throws Exception {
        try (URLClassLoader loader = loaderWithoutCompressionJars()) {
            Class<?> type = loader.loadClass(codecClass);
            Object codec = type.getConstructor().newInstance();

            Throwable thrown = catchThrowable(() -> type.getMethod("checkAvailable").invoke(codec));

            assertThat(thrown).isInstanceOf(InvocationTargetException.class);
            Throwable cause = thrown.getCause();
            assertThat(cause.getClass().getName()).isEqualTo(ConfigException.class.getName());
            assertThat(cause.getMessage()).contains(codecName).contains("add the dependency " + artifact)
                    .contains("NoClassDefFoundError");
        }
    }

    @Test
    void serviceLoaderStillInstantiatesEveryCodecAndGzipStaysAvailable() throws Exception {
        try (URLClassLoader loader = loaderWithoutCompressionJars()) {
            Class<?> port = loader.loadClass(CompressionCodec.class.getName());
            List<String> found = new ArrayList<>();
            for (Object codec : ServiceLoader.load(port, loader)) {
                found.add(codec.getClass().getSimpleName());
                if (codec.getClass().getSimpleName().equals("GzipCodec")) {
                    port.getMethod("checkAvailable").invoke(codec); // must not throw
                }
            }
            assertThat(found).containsExactlyInAnyOrder("GzipCodec", "SnappyCodec", "Lz4Codec", "ZstdCodec");
        }
    }

    @Test
    void nativeLoadFailureNamesThePlatformAndTheArtifact() {
        ConfigException exception = CodecUnavailable.exception(CompressionType.ZSTD, "zstd-jni",
                "com/github/luben/zstd", new UnsatisfiedLinkError("no zstd-jni in java.library.path"));

        String platform = System.getProperty("os.arch");
        assertThat(exception.getMessage())
                .startsWith("compression.type=zstd needs the zstd-jni native library (com.github.luben:zstd-jni:")
                .contains("could not be loaded on ")
                .contains("/" + platform + ": java.lang.UnsatisfiedLinkError: no zstd-jni");
        assertThat(exception.getCause()).isInstanceOf(UnsatisfiedLinkError.class);
    }

    @Test
    void availableCodecsPassTheCheckHere() {
        for (CompressionType type : TestData.CODEC_TYPES) {
            TestData.codec(type).checkAvailable();
        }
        assertThat(ServiceLoader.load(CompressionCodec.class).stream().map(p -> p.get().type()))
                .containsExactlyInAnyOrderElementsOf(TestData.CODEC_TYPES);
    }
}
