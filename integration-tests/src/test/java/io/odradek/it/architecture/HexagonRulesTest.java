package io.odradek.it.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.odradek.it.transport.BothTransports;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Checks the rules of the hexagon (ARCHITECTURE.md) against the production classes of every library module. Runs with
 * both transports on the classpath (the default surefire execution leaves transport-netty out).
 */
@BothTransports
class HexagonRulesTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            // A module's test-jar (transport-nio's, for its test certificates) is tests too, though not a test-classes dir.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.odradek");

    @Test
    void importsTheProductionClassesOfEveryLibraryModuleAndNoTests() {
        Set<String> packages = PRODUCTION.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());

        // Without this, every rule below could pass because it looked at nothing.
        assertThat(packages).contains("io.odradek.api", "io.odradek.domain.port", "io.odradek.domain.sender",
                "io.odradek.domain.accumulator", "io.odradek.codec", "io.odradek.compression", "io.odradek.transport.nio",
                "io.odradek.transport.netty", "io.odradek.kafka", "io.odradek.test", "io.odradek.domain.fake");
        assertThat(PRODUCTION.stream().map(JavaClass::getName))
                .noneMatch(name -> name.startsWith("io.odradek.it."))
                .noneMatch(name -> name.endsWith("Test"));
    }

    /**
     * The real code also shows the rules bite: pointed at a layer that legitimately does what the domain must
     * not (each transport owns the clock, the sockets and the I/O thread; tools runs the broker), they report.
     */
    @Test
    void theRulesReportRealClassesOutsideTheLayerTheyGuard() {
        for (String transport : List.of("io.odradek.transport.nio..", "io.odradek.transport.netty..")) {
            assertThat(HexagonRules.domainMustNotReadTheClock(transport).evaluate(PRODUCTION).hasViolation())
                    .as("%s reads the clock", transport).isTrue();
            assertThat(HexagonRules.domainMustNotStartThreads(transport).evaluate(PRODUCTION).hasViolation())
                    .as("%s starts threads", transport).isTrue();
            assertThat(HexagonRules.domainMustNotDependOnIoWireOrCompression(transport, List.of())
                    .evaluate(PRODUCTION).hasViolation()).as("%s does I/O", transport).isTrue();
        }
        assertThat(HexagonRules.apiMustDependOnlyOnJdk(HexagonRules.DOMAIN).evaluate(PRODUCTION).hasViolation()).isTrue();
        assertThat(HexagonRules.libraryMustNotDependOnKafka(List.of("io.odradek.tools..")).evaluate(PRODUCTION)
                .hasViolation()).isTrue();
    }

    @Test
    void rule1ApiDependsOnlyOnTheJdk() {
        HexagonRules.API_DEPENDS_ONLY_ON_JDK.check(PRODUCTION);
    }

    @Test
    void rule1ApiExposesNoThirdPartyTypes() {
        HexagonRules.API_EXPOSES_NO_THIRD_PARTY_TYPES.check(PRODUCTION);
    }

    @Test
    void rule2DomainHasNoIoWireFormatOrCompression() {
        HexagonRules.DOMAIN_HAS_NO_IO_WIRE_OR_COMPRESSION.check(PRODUCTION);
    }

    @Test
    void rule2DomainNeverReadsTheClock() {
        HexagonRules.DOMAIN_NEVER_READS_THE_CLOCK.check(PRODUCTION);
    }

    @Test
    void rule3DomainStartsNoThreads() {
        HexagonRules.DOMAIN_STARTS_NO_THREADS.check(PRODUCTION);
    }

    @Test
    void rule4AdaptersDoNotDependOnEachOther() {
        HexagonRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER.check(PRODUCTION);
    }

    @Test
    void rule4AdaptersUseOnlyTheDomainsPorts() {
        HexagonRules.ADAPTERS_USE_ONLY_DOMAIN_PORTS.check(PRODUCTION);
    }

    @Test
    void rule5LibraryCodeDoesNotUseKafka() {
        HexagonRules.LIBRARY_DOES_NOT_USE_KAFKA.check(PRODUCTION);
    }

    @Test
    void rule5NoOtherLibraryCodeUsesTheKafkaCompatibilityModule() {
        HexagonRules.LIBRARY_DOES_NOT_USE_KAFKA_COMPAT.check(PRODUCTION);
    }

    @Test
    void theKafkaCompatibilityModuleUsesOnlyOdradeksApi() {
        HexagonRules.KAFKA_COMPAT_USES_ONLY_THE_API.check(PRODUCTION);
    }

    @Test
    void theTestKitUsesOnlyOdradeksApiAndTheDomainsExports() {
        HexagonRules.TEST_KIT_USES_ONLY_THE_API_AND_THE_DOMAINS_EXPORTS.check(PRODUCTION);
    }

    /** Rule 5's exception is real: the compatibility module does use Kafka, and only it may. */
    @Test
    void theKafkaCompatibilityModuleIsWhereKafkaIsUsed() {
        assertThat(HexagonRules.libraryMustNotDependOnKafka(List.of(HexagonRules.KAFKA_COMPAT)).evaluate(PRODUCTION)
                .hasViolation()).isTrue();
    }
}
