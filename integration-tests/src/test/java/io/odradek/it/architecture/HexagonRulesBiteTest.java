package io.odradek.it.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.odradek.it.architecture.fixtures.adapters.codec.CodecCallingTransport;
import io.odradek.it.architecture.fixtures.adapters.codec.FixtureEncoder;
import io.odradek.it.architecture.fixtures.adapters.compression.CompressionReachingIntoAccumulator;
import io.odradek.it.architecture.fixtures.adapters.transport.CleanTransport;
import io.odradek.it.architecture.fixtures.api.CleanApi;
import io.odradek.it.architecture.fixtures.api.LeaksGuavaInGenericParameter;
import io.odradek.it.architecture.fixtures.api.LeaksGuavaInReturnType;
import io.odradek.it.architecture.fixtures.api.UsesGuavaPrivately;
import io.odradek.it.architecture.fixtures.compat.FixtureKafkaAdapter;
import io.odradek.it.architecture.fixtures.domain.CleanDomainService;
import io.odradek.it.architecture.fixtures.domain.EncodesWireFormat;
import io.odradek.it.architecture.fixtures.domain.ExtendsThread;
import io.odradek.it.architecture.fixtures.domain.Gzips;
import io.odradek.it.architecture.fixtures.domain.OpensSocket;
import io.odradek.it.architecture.fixtures.domain.ReadsCurrentTimeMillis;
import io.odradek.it.architecture.fixtures.domain.ReadsInstantNow;
import io.odradek.it.architecture.fixtures.domain.ReadsLocalDateTimeNow;
import io.odradek.it.architecture.fixtures.domain.ReadsNanoTime;
import io.odradek.it.architecture.fixtures.domain.ReferencesNanoTime;
import io.odradek.it.architecture.fixtures.domain.RunsAsync;
import io.odradek.it.architecture.fixtures.domain.SchedulesTimer;
import io.odradek.it.architecture.fixtures.domain.StartsThread;
import io.odradek.it.architecture.fixtures.domain.SubmitsToExecutor;
import io.odradek.it.architecture.fixtures.domain.TimesOutAsync;
import io.odradek.it.architecture.fixtures.domain.UsesKafkaClients;
import io.odradek.it.architecture.fixtures.domain.UsesKafkaAdapter;
import io.odradek.it.architecture.fixtures.domain.UsesSelector;
import io.odradek.it.architecture.fixtures.testkit.CleanMock;
import io.odradek.it.architecture.fixtures.testkit.ReachesIntoDomain;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rule that cannot fail is no rule: the same rule factories that check Odradek run here against fixture
 * packages laid out like Odradek's, and must report each deliberate violation (and stay quiet on clean fixtures).
 * Each fixture is imported on its own so that a report can only come from that fixture.
 */
class HexagonRulesBiteTest {

    private static final String FIXTURES = "io.odradek.it.architecture.fixtures";
    private static final String API = FIXTURES + ".api..";
    private static final String DOMAIN = FIXTURES + ".domain..";
    private static final List<String> PORTS = List.of(FIXTURES + ".domain.port..");
    private static final List<String> ADAPTERS = List.of(
            FIXTURES + ".adapters.codec..", FIXTURES + ".adapters.compression..", FIXTURES + ".adapters.transport..");
    private static final List<String> LIBRARY = List.of(API, DOMAIN, FIXTURES + ".adapters..");

    @ParameterizedTest
    @ValueSource(classes = {LeaksGuavaInReturnType.class, LeaksGuavaInGenericParameter.class, UsesGuavaPrivately.class})
    void rule1ApiDependingOnAnythingButTheJdkIsReported(Class<?> fixture) {
        assertReported(HexagonRules.apiMustDependOnlyOnJdk(API), fixture, "com.google.common");
    }

    @ParameterizedTest
    @ValueSource(classes = {LeaksGuavaInReturnType.class, LeaksGuavaInGenericParameter.class})
    void rule1GuavaInAPublicSignatureIsReported(Class<?> fixture) {
        assertReported(HexagonRules.apiMustNotExposeThirdPartyTypes(API), fixture, "com.google.common.collect");
    }

    @Test
    void rule1GuavaUsedOnlyInsideAMethodIsNotASignatureLeak() {
        assertClean(HexagonRules.apiMustNotExposeThirdPartyTypes(API), UsesGuavaPrivately.class);
    }

    @Test
    void rule1CleanApiPassesBothRules() {
        assertClean(HexagonRules.apiMustDependOnlyOnJdk(API), CleanApi.class);
        assertClean(HexagonRules.apiMustNotExposeThirdPartyTypes(API), CleanApi.class);
    }

    @ParameterizedTest
    @ValueSource(classes = {OpensSocket.class, UsesSelector.class, Gzips.class, EncodesWireFormat.class})
    void rule2DomainDoingIoWireFormatOrCompressionIsReported(Class<?> fixture) {
        assertReported(HexagonRules.domainMustNotDependOnIoWireOrCompression(DOMAIN, ADAPTERS), fixture, fixture.getSimpleName());
    }

    @ParameterizedTest
    @ValueSource(classes = {ReadsNanoTime.class, ReadsCurrentTimeMillis.class, ReadsInstantNow.class,
            ReadsLocalDateTimeNow.class, ReferencesNanoTime.class})
    void rule2DomainReadingTheClockIsReported(Class<?> fixture) {
        assertReported(HexagonRules.domainMustNotReadTheClock(DOMAIN), fixture, fixture.getSimpleName());
    }

    @ParameterizedTest
    @ValueSource(classes = {StartsThread.class, ExtendsThread.class, SubmitsToExecutor.class, SchedulesTimer.class,
            RunsAsync.class, TimesOutAsync.class})
    void rule3DomainStartingThreadsIsReported(Class<?> fixture) {
        assertReported(HexagonRules.domainMustNotStartThreads(DOMAIN), fixture, fixture.getSimpleName());
    }

    @Test
    void rules2And3PassADomainThatTakesTimeFromItsClockPort() {
        assertClean(HexagonRules.domainMustNotDependOnIoWireOrCompression(DOMAIN, ADAPTERS), CleanDomainService.class);
        assertClean(HexagonRules.domainMustNotReadTheClock(DOMAIN), CleanDomainService.class);
        assertClean(HexagonRules.domainMustNotStartThreads(DOMAIN), CleanDomainService.class);
    }

    @Test
    void rule4AnAdapterDependingOnAnotherIsReported() {
        assertReported(HexagonRules.adaptersMustNotDependOnEachOther(ADAPTERS), CodecCallingTransport.class,
                CleanTransport.class.getName());
    }

    @Test
    void rule4AnAdapterUsingADomainInternalIsReported() {
        assertReported(HexagonRules.adaptersMayUseOnlyDomainPorts(ADAPTERS, DOMAIN, PORTS),
                CompressionReachingIntoAccumulator.class, "FixtureAccumulator");
    }

    @Test
    void rule4AdaptersImplementingPortsAndUsingTheirOwnPackagePass() {
        JavaClasses adapters = new ClassFileImporter().importClasses(
                CleanTransport.class, FixtureEncoder.class, CompressionReachingIntoAccumulator.class);
        assertThat(HexagonRules.adaptersMustNotDependOnEachOther(ADAPTERS).evaluate(adapters).hasViolation()).isFalse();
        assertClean(HexagonRules.adaptersMayUseOnlyDomainPorts(ADAPTERS, DOMAIN, PORTS), CleanTransport.class);
    }

    @Test
    void rule5LibraryCodeUsingKafkaClientsIsReported() {
        assertReported(HexagonRules.libraryMustNotDependOnKafka(LIBRARY), UsesKafkaClients.class, "org.apache.kafka");
        assertClean(HexagonRules.libraryMustNotDependOnKafka(LIBRARY), CleanDomainService.class);
    }

    @Test
    void rule5LibraryCodeUsingTheKafkaCompatibilityModuleIsReported() {
        assertReported(HexagonRules.libraryMustNotDependOn(LIBRARY, FIXTURES + ".compat.."), UsesKafkaAdapter.class,
                FixtureKafkaAdapter.class.getName());
        assertClean(HexagonRules.libraryMustNotDependOn(LIBRARY, FIXTURES + ".compat.."), CleanDomainService.class);
    }

    @Test
    void aModuleLimitedToTheApiReachingIntoTheDomainIsReported() {
        String testKit = FIXTURES + ".testkit..";
        assertReported(HexagonRules.mayDependOnlyOn(testKit, "java..", API, testKit), ReachesIntoDomain.class,
                CleanDomainService.class.getName());
        assertClean(HexagonRules.mayDependOnlyOn(testKit, "java..", API, testKit), CleanMock.class);
    }

    private static void assertReported(ArchRule rule, Class<?> fixture, String expectedInReport) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(fixture));
        assertThat(result.hasViolation()).as("%s must report %s", rule.getDescription(), fixture.getName()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(expectedInReport);
    }

    private static void assertClean(ArchRule rule, Class<?> fixture) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(fixture));
        assertThat(result.getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
    }
}
