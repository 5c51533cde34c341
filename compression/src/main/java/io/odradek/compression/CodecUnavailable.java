package io.odradek.compression;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

import io.odradek.api.CompressionType;
import io.odradek.api.ConfigException;

/** Builds the error a producer gets when a codec's jar or native library cannot be loaded. */
final class CodecUnavailable {

    private static final Properties ARTIFACTS = loadArtifacts();

    private CodecUnavailable() {
    }

    /**
     * @param libraryPackage the library's package in internal form ({@code com/github/luben/zstd}): a missing class
     *                       from it means the jar is absent rather than its native part
     */
    static ConfigException exception(CompressionType type, String libraryName, String libraryPackage,
            Throwable cause) {
        String artifact = ARTIFACTS.getProperty(type.configValue(), libraryName);
        String platform = System.getProperty("os.name").toLowerCase(Locale.ROOT).replace(' ', '_') + "/"
                + System.getProperty("os.arch");
        String message;
        if (isMissingJar(cause, libraryPackage)) {
            message = "compression.type=" + type.configValue() + " needs " + libraryName
                    + " on the classpath: add the dependency " + artifact + " (" + cause + ")";
        } else {
            message = "compression.type=" + type.configValue() + " needs the " + libraryName
                    + " native library (" + artifact + ") which could not be loaded on " + platform + ": " + cause;
        }
        return new ConfigException(message, cause);
    }

    /** Rethrows what no codec should swallow; everything else means the library is unusable here. */
    static void rethrowFatal(Throwable t) {
        if (t instanceof VirtualMachineError error) {
            throw error;
        }
    }

    private static boolean isMissingJar(Throwable cause, String libraryPackage) {
        if (!(cause instanceof NoClassDefFoundError) && !(cause instanceof ClassNotFoundException)) {
            return false;
        }
        String message = String.valueOf(cause.getMessage()).replace('.', '/');
        // "Could not initialize class" means the class was found but its static initializer (native load) failed
        return message.contains(libraryPackage) && !message.contains("Could not initialize");
    }

    private static Properties loadArtifacts() {
        Properties properties = new Properties();
        try (InputStream in = CodecUnavailable.class.getResourceAsStream("artifacts.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
