package io.odradek.tools.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {

    @TempDir
    Path dir;

    @Test
    void expandsAManifestOnlyJarIntoTheEntriesItsClassPathLists() throws IOException {
        Path libs = Files.createDirectories(dir.resolve("libs"));
        Path relative = Files.createFile(libs.resolve("a b.jar"));
        Path absolute = Files.createFile(dir.resolve("c.jar"));
        Path booter = manifestOnlyJar(dir.resolve("booter.jar"), "libs/a%20b.jar " + absolute.toUri());

        String expanded = ChildJvm.expand(booter + File.pathSeparator + dir.resolve("classes"));

        assertThat(List.of(expanded.split(File.pathSeparator))).containsExactly(
                booter.toString(), relative.toString(), absolute.toString(), dir.resolve("classes").toString());
    }

    @Test
    void runsTheBrokersFromACopyOfASingleJarSoARebuildCannotPullClassesFromUnderThem() throws IOException {
        Path fatJar = Files.write(dir.resolve("odradek.jar"), new byte[] {1, 2, 3});
        Path dataDir = dir.resolve("data");

        String classpath = ChildJvm.privateCopyOfSingleJar(fatJar.toString(), dataDir);
        Files.write(fatJar, new byte[] {9, 9}); // the build rewrites its jar in place

        assertThat(classpath).isNotEqualTo(fatJar.toString()).startsWith(dataDir.toString());
        assertThat(Files.readAllBytes(Path.of(classpath))).containsExactly(1, 2, 3);
    }

    @Test
    void leavesAClasspathOfSeveralEntriesAsItIs() {
        String classpath = dir.resolve("a.jar") + File.pathSeparator + dir.resolve("classes");

        assertThat(ChildJvm.privateCopyOfSingleJar(classpath, dir.resolve("data"))).isEqualTo(classpath);
    }

    @Test
    void leavesAJarWithoutClassPathAlone() throws IOException {
        Path plain = manifestOnlyJar(dir.resolve("plain.jar"), null);

        assertThat(ChildJvm.expand(plain.toString())).isEqualTo(plain.toString());
    }

    private static Path manifestOnlyJar(Path jar, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
