package io.odradek.tools.broker;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** The java binary and classpath used to start Kafka in a child JVM. */
final class ChildJvm {

    private ChildJvm() {
    }

    /** The java binary of the running JVM, so the broker runs on the same Java as its caller. */
    static String javaBinary() {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    /** Whether {@code className} is on this JVM's classpath, which the child JVM shares. */
    static boolean hasClass(String className) {
        try {
            Class.forName(className, false, ChildJvm.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * The current JVM's classpath with every manifest-only jar expanded into the entries its
     * {@code Class-Path} attribute lists.
     *
     * <p>Why expand: Maven Surefire, by default, starts tests with a single "booter" jar on
     * {@code java.class.path} whose manifest carries the real test classpath. A child JVM given that jar
     * alone would still find every class (the JVM follows manifest Class-Path), but expanding it makes the
     * result independent of Surefire's settings ({@code useManifestOnlyJar}, {@code useSystemClassLoader})
     * and of whether Surefire rewrites {@code java.class.path}. A shaded tools jar is a single jar that
     * contains the broker classes itself and passes through unchanged.
     */
    static String currentClasspath() {
        return expand(System.getProperty("java.class.path", ""));
    }

    /**
     * For a classpath that is one jar (the {@code odradek} fat jar), a copy of it in {@code dataDir}, so that the
     * brokers load their classes from a file nobody rewrites: {@code mvn package} rewrites
     * {@code tools/target/odradek.jar} in place, and a running broker then fails to load the next class it needs
     * (a request handler thread dies with NoClassDefFoundError and its request is never answered). Any other
     * classpath is returned as it is.
     */
    static String privateCopyOfSingleJar(String classpath, Path dataDir) {
        if (classpath.contains(File.pathSeparator) || !classpath.endsWith(".jar")) {
            return classpath;
        }
        Path jar = Paths.get(classpath);
        if (!Files.isRegularFile(jar)) {
            return classpath;
        }
        Path copy = dataDir.resolve("broker-classes.jar");
        try {
            Files.createDirectories(dataDir);
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + jar + " to " + copy
                    + " for the broker to run from", e);
        }
    }

    /** {@code classpath} with every jar's manifest {@code Class-Path} entries added after the jar. */
    static String expand(String classpath) {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                addExpanded(Paths.get(entry).toAbsolutePath(), entries, 0);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void addExpanded(Path entry, Set<String> entries, int depth) {
        if (!entries.add(entry.toString()) || depth > 2 || !entry.toString().endsWith(".jar")
                || !Files.isRegularFile(entry)) {
            return;
        }
        for (Path referenced : manifestClassPath(entry)) {
            addExpanded(referenced, entries, depth + 1);
        }
    }

    private static List<Path> manifestClassPath(Path jar) {
        List<Path> result = new ArrayList<>();
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            Manifest manifest = jarFile.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null) {
                return result;
            }
            URI base = jar.toUri();
            for (String reference : classPath.trim().split("\\s+")) {
                if (!reference.isEmpty()) {
                    // Class-Path entries are URLs relative to the jar that declares them.
                    result.add(Paths.get(base.resolve(reference)).toAbsolutePath());
                }
            }
            return result;
        } catch (IOException | IllegalArgumentException e) {
            // An unreadable jar, or a Class-Path entry that is not a file URL, is passed on as it is: the
            // child JVM treats it exactly as this JVM did.
            return result;
        }
    }
}
