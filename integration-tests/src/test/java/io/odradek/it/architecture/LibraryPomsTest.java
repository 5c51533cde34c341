package io.odradek.it.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule 5 at the Maven level: Kafka's jars are test-scoped in every library module's pom.xml. */
class LibraryPomsTest {

    /** Surefire runs with the module directory as working directory. */
    private static final Path PARENT_POM = Path.of("..", "pom.xml");

    @Test
    void everyKafkaDependencyOfALibraryModuleButKafkaClientsCompatIsTestScoped() {
        List<String> libraryModules = libraryModules();

        assertThat(libraryModules).contains("producer-api", "producer-domain", "codec", "compression", "transport-nio",
                "odradek-test", LibraryPoms.KAFKA_COMPAT);
        for (String module : libraryModules) {
            Path pom = Path.of("..", module, "pom.xml");
            assertThat(pom).exists();
            if (module.equals(LibraryPoms.KAFKA_COMPAT)) {
                // The exception is real, and the only one: its job is Kafka's Producer interface.
                assertThat(LibraryPoms.kafkaDependenciesOutsideTestScope(pom)).as(module)
                        .contains("org.apache.kafka:kafka-clients (no scope, i.e. compile)");
            } else {
                assertThat(LibraryPoms.kafkaDependenciesOutsideTestScope(pom)).as(module).isEmpty();
            }
        }
    }

    @Test
    void noLibraryModuleDependsOnKafkaClientsCompat() {
        for (String module : libraryModules()) {
            assertThat(LibraryPoms.kafkaCompatDependenciesOutsideTestScope(Path.of("..", module, "pom.xml")))
                    .as(module).isEmpty();
        }
    }

    @Test
    void reportsADependencyOnKafkaClientsCompatOutsideTestScope(@TempDir Path dir) throws IOException {
        Path pom = write(dir, """
                <project>
                  <dependencies>
                    <dependency><groupId>io.odradek</groupId><artifactId>kafka-clients-compat</artifactId></dependency>
                    <dependency>
                      <groupId>io.odradek</groupId><artifactId>kafka-clients-compat</artifactId><scope>test</scope>
                    </dependency>
                    <dependency><groupId>io.odradek</groupId><artifactId>producer-api</artifactId></dependency>
                  </dependencies>
                </project>
                """);

        assertThat(LibraryPoms.kafkaCompatDependenciesOutsideTestScope(pom))
                .containsExactly("io.odradek:kafka-clients-compat (no scope, i.e. compile)");
    }

    @Test
    void toolsAndIntegrationTestsAreNotLibraryModules() {
        assertThat(LibraryPoms.isLibraryModule("tools")).isFalse();
        assertThat(LibraryPoms.isLibraryModule("integration-tests")).isFalse();
        assertThat(LibraryPoms.isLibraryModule("benchmarks")).isFalse();
        assertThat(LibraryPoms.isLibraryModule("transport-netty")).isTrue();
    }

    private static List<String> libraryModules() {
        return LibraryPoms.modulesOf(PARENT_POM).stream().filter(LibraryPoms::isLibraryModule)
                .collect(Collectors.toList());
    }

    @Test
    void reportsKafkaDependenciesInCompileRuntimeOrProvidedScope(@TempDir Path dir) throws IOException {
        Path pom = write(dir, """
                <project>
                  <dependencies>
                    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-clients</artifactId></dependency>
                    <dependency>
                      <groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><scope>runtime</scope>
                    </dependency>
                    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><scope>test</scope></dependency>
                    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId></dependency>
                  </dependencies>
                  <profiles>
                    <profile>
                      <dependencies>
                        <dependency>
                          <groupId>org.apache.kafka</groupId><artifactId>kafka-server</artifactId><scope>provided</scope>
                        </dependency>
                      </dependencies>
                    </profile>
                  </profiles>
                </project>
                """);

        assertThat(LibraryPoms.kafkaDependenciesOutsideTestScope(pom)).containsExactly(
                "org.apache.kafka:kafka-clients (no scope, i.e. compile)",
                "org.apache.kafka:kafka_2.13 (runtime)",
                "org.apache.kafka:kafka-server (provided)");
    }

    @Test
    void ignoresDependencyManagementAndPluginDependencies(@TempDir Path dir) throws IOException {
        Path pom = write(dir, """
                <project>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-clients</artifactId></dependency>
                  </dependencies></dependencyManagement>
                  <build><plugins><plugin><artifactId>some-plugin</artifactId><dependencies>
                    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-clients</artifactId></dependency>
                  </dependencies></plugin></plugins></build>
                </project>
                """);

        assertThat(LibraryPoms.kafkaDependenciesOutsideTestScope(pom)).isEmpty();
    }

    private static Path write(Path dir, String pom) throws IOException {
        return Files.writeString(dir.resolve("pom.xml"), pom);
    }
}
