package io.odradek.it.jpms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;

/**
 * The module descriptors at work: a producer runs with the library on the module path, the domain's internals
 * are closed to the application, and the adapters are found as services with nothing but {@code io.odradek.api}
 * named as a root module. The library's own tests run patched into their modules, which opens them; only a
 * separate JVM shows what an application sees.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ModulePathTest {

    private static final Set<String> LIBRARY_MODULES = Set.of("io.odradek.api", "io.odradek.domain",
            "io.odradek.codec", "io.odradek.compression", "io.odradek.transport.nio", "org.slf4j");

    @Test
    void aProducerRunsFromTheModulePathWithTheDomainsInternalsClosed(KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("jpms", 1);
        List<String> modulePath = libraryModulePath();
        assertThat(modulePath).hasSize(LIBRARY_MODULES.size());
        Path probeClasses = Path.of(ModulePathProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path output = Files.createTempFile("module-path-probe", ".out");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", String.join(File.pathSeparator, modulePath),
                "--add-modules", "io.odradek.api",
                "-cp", probeClasses.toString(),
                ModulePathProbe.class.getName(), kafka.bootstrapServers(), topic)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String printed = Files.readString(output);
        Files.delete(output);

        assertThat(ended).as("probe ended within 120 s; it printed:\n%s", printed).isTrue();
        assertThat(process.exitValue()).as("exit status; it printed:\n%s", printed).isZero();
        assertThat(printed).contains("sent " + topic + "-0@0", "implementation module io.odradek.domain",
                "module io.odradek.codec resolved", "module io.odradek.compression resolved",
                "module io.odradek.transport.nio resolved", "internal Murmur2.hash refused",
                "exported ProducerAssembly accessible");
    }

    /** The entries of this test's class path that hold the library's modules (jars, or classes directories). */
    private static List<String> libraryModulePath() {
        List<String> found = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.exists(path)) {
                continue;
            }
            try {
                for (ModuleReference module : ModuleFinder.of(path).findAll()) {
                    if (LIBRARY_MODULES.contains(module.descriptor().name())) {
                        found.add(entry);
                    }
                }
            } catch (FindException notAModule) {
                // Some jars (Scala's, the broker's) cannot even be automatic modules; none of them is Odradek's.
            }
        }
        return found;
    }
}
