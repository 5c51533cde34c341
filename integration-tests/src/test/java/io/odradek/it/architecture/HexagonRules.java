package io.odradek.it.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Timer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.zip.Checksum;

/**
 * The rules of the hexagon (ARCHITECTURE.md, "Rules") as ArchUnit rules.
 *
 * <p>Every rule is built by a factory that takes package patterns, so that the very same rule definition runs
 * twice: once against Odradek's production classes (the constants) and once against deliberately violating
 * fixtures (see {@code HexagonRulesBiteTest}), which proves each rule can fail.
 */
public final class HexagonRules {

    public static final String API = "io.odradek.api..";
    public static final String DOMAIN = "io.odradek.domain..";
    public static final List<String> DOMAIN_PORTS = List.of("io.odradek.domain.port..", "io.odradek.domain.protocol..");
    public static final List<String> ADAPTERS = List.of(
            "io.odradek.codec..", "io.odradek.compression..", "io.odradek.transport.nio..", "io.odradek.transport.netty..");
    /**
     * Every library module's packages but kafka-clients-compat's, the one library module whose job is Kafka's
     * API (rule 5's exception).
     */
    public static final List<String> LIBRARY = List.of(
            "io.odradek.api..", "io.odradek.domain..", "io.odradek.codec..", "io.odradek.compression..",
            "io.odradek.transport..", "io.odradek.test..");
    /** kafka-clients-compat: OdradekKafkaProducer, Kafka's Producer interface over Odradek's API. */
    public static final String KAFKA_COMPAT = "io.odradek.kafka..";
    /** odradek-test: the MockProducer and FakeKafkaCluster applications test with. */
    public static final String TEST_KIT = "io.odradek.test..";
    /** The domain's in-memory cluster, exported to the test kit alone. */
    public static final String DOMAIN_FAKE = "io.odradek.domain.fake..";
    /** The domain's entry point for building a producer around adapters chosen in code. */
    public static final String DOMAIN_ASSEMBLY = "io.odradek.domain.assembly..";

    // Declared before the rule constants, which read it while the class initializes.
    private static final String[] THIRD_PARTY_API_PACKAGES = {
            "com.google..", "org.jctools..", "io.netty..", "org.slf4j.."};

    /** Rule 1: producer-api depends on the JDK only. */
    public static final ArchRule API_DEPENDS_ONLY_ON_JDK = apiMustDependOnlyOnJdk(API);
    /** Rule 1: no Guava, jctools, Netty or SLF4J type in a public signature of the API. */
    public static final ArchRule API_EXPOSES_NO_THIRD_PARTY_TYPES = apiMustNotExposeThirdPartyTypes(API);
    /** Rule 2: no sockets, java.net, java.nio.channels, Netty, wire-format code or compression in the domain. */
    public static final ArchRule DOMAIN_HAS_NO_IO_WIRE_OR_COMPRESSION =
            domainMustNotDependOnIoWireOrCompression(DOMAIN, ADAPTERS);
    /** Rule 2: time comes through the clock port. */
    public static final ArchRule DOMAIN_NEVER_READS_THE_CLOCK = domainMustNotReadTheClock(DOMAIN);
    /** Rule 3: the domain starts no threads of its own. */
    public static final ArchRule DOMAIN_STARTS_NO_THREADS = domainMustNotStartThreads(DOMAIN);
    /** Rule 4: adapters never depend on each other. */
    public static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = adaptersMustNotDependOnEachOther(ADAPTERS);
    /** Rule 4: adapters see only the domain's ports (and the protocol model the ports speak). */
    public static final ArchRule ADAPTERS_USE_ONLY_DOMAIN_PORTS = adaptersMayUseOnlyDomainPorts(ADAPTERS, DOMAIN, DOMAIN_PORTS);
    /** Rule 5: no Kafka jar on a main classpath of a library module, seen from the bytecode. */
    public static final ArchRule LIBRARY_DOES_NOT_USE_KAFKA = libraryMustNotDependOnKafka(LIBRARY);
    /** Rule 5's exception stays one: no other library module depends on kafka-clients-compat. */
    public static final ArchRule LIBRARY_DOES_NOT_USE_KAFKA_COMPAT = libraryMustNotDependOn(LIBRARY, KAFKA_COMPAT);
    /** kafka-clients-compat adapts Odradek's public API to Kafka's; it never reaches into the domain or an adapter. */
    public static final ArchRule KAFKA_COMPAT_USES_ONLY_THE_API = mayDependOnlyOn(KAFKA_COMPAT,
            "java..", API, KAFKA_COMPAT, "org.apache.kafka..");
    /**
     * The test kit is for applications' tests: it stands in for the API, or runs the real producer on the domain's
     * in-memory cluster through the domain's exported packages; never the domain's internals or an adapter.
     */
    public static final ArchRule TEST_KIT_USES_ONLY_THE_API_AND_THE_DOMAINS_EXPORTS = mayDependOnlyOn(TEST_KIT,
            "java..", API, TEST_KIT, DOMAIN_FAKE, DOMAIN_ASSEMBLY, DOMAIN_PORTS.get(0), DOMAIN_PORTS.get(1));

    public static final List<ArchRule> ALL = List.of(
            API_DEPENDS_ONLY_ON_JDK, API_EXPOSES_NO_THIRD_PARTY_TYPES, DOMAIN_HAS_NO_IO_WIRE_OR_COMPRESSION,
            DOMAIN_NEVER_READS_THE_CLOCK, DOMAIN_STARTS_NO_THREADS, ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
            ADAPTERS_USE_ONLY_DOMAIN_PORTS, LIBRARY_DOES_NOT_USE_KAFKA, LIBRARY_DOES_NOT_USE_KAFKA_COMPAT,
            KAFKA_COMPAT_USES_ONLY_THE_API, TEST_KIT_USES_ONLY_THE_API_AND_THE_DOMAINS_EXPORTS);

    private HexagonRules() {
    }

    public static ArchRule apiMustDependOnlyOnJdk(String apiPackage) {
        return classes().that().resideInAPackage(apiPackage)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", apiPackage)
                .as(String.format("rule 1: the API (%s) depends on the JDK only", apiPackage));
    }

    public static ArchRule apiMustNotExposeThirdPartyTypes(String apiPackage) {
        return classes().that().resideInAPackage(apiPackage).and().arePublic()
                .should(new PublicSignatureCondition(resideInAnyPackage(THIRD_PARTY_API_PACKAGES)))
                .as(String.format("rule 1: no Guava, jctools, Netty or SLF4J type in a public signature of %s", apiPackage));
    }

    public static ArchRule domainMustNotDependOnIoWireOrCompression(String domainPackage, List<String> adapterPackages) {
        DescribedPredicate<JavaClass> infrastructure = resideInAnyPackage(
                "java.net..", "java.nio.channels..", "io.netty..",
                "net.jpountz..", "org.xerial..", "com.github.luben..", "com.aayushatharva..", "org.anarres..")
                .or(resideInAnyPackage(adapterPackages.toArray(String[]::new)))
                // java.util.zip is the JDK's gzip; its checksums (CRC32C) are not compression.
                .or(resideInAPackage("java.util.zip..").and(not(assignableTo(Checksum.class))))
                .as("sockets, java.net, java.nio.channels, Netty, wire-format (adapter) code or compression");
        return noClasses().that().resideInAPackage(domainPackage)
                .should().dependOnClassesThat(infrastructure)
                .as(String.format("rule 2: the domain (%s) has no I/O, wire format or compression", domainPackage));
    }

    public static ArchRule domainMustNotReadTheClock(String domainPackage) {
        DescribedPredicate<JavaAccess<?>> readsTheClock = target(
                t -> isOwner(t, "java.lang.System")
                                && (t.getName().equals("nanoTime") || t.getName().equals("currentTimeMillis"))
                        || t.getOwner().getPackageName().equals("java.time") && t.getName().equals("now")
                        || isOwner(t, "java.time.Clock") && t.getName().startsWith("system")
                        || isOwner(t, "java.time.InstantSource") && t.getName().equals("system")
                        // new Date() reads the wall clock; Date(long) does not.
                        || isOwner(t, "java.util.Date") && t.getName().equals("<init>") && t.getFullName().endsWith("()"),
                "System.nanoTime/currentTimeMillis, java.time *.now(), Clock.system*, new Date()");
        return noClasses().that().resideInAPackage(domainPackage)
                .should().accessTargetWhere(readsTheClock)
                .as(String.format("rule 2: the domain (%s) never reads the clock itself; time comes through the clock port",
                        domainPackage));
    }

    public static ArchRule domainMustNotStartThreads(String domainPackage) {
        DescribedPredicate<JavaAccess<?>> startsThreads = target(
                t -> t.getOwner().isAssignableTo(Thread.class)
                        && (t.getName().equals("start") || t.getName().equals("<init>")
                                || t.getName().equals("startVirtualThread")
                                || t.getName().equals("ofPlatform") || t.getName().equals("ofVirtual"))
                        // These run work on the common pool or CompletableFuture's delayer thread.
                        || t.getOwner().isAssignableTo(CompletionStage.class)
                                && (t.getName().endsWith("Async") || t.getName().equals("delayedExecutor")
                                        || t.getName().equals("orTimeout") || t.getName().equals("completeOnTimeout")),
                "Thread.start(), new Thread, CompletableFuture *Async/orTimeout/completeOnTimeout/delayedExecutor");
        DescribedPredicate<JavaClass> threadMachinery = assignableTo(Executor.class)
                .or(assignableTo(Executors.class))
                .or(assignableTo(ThreadFactory.class))
                .or(assignableTo(Timer.class))
                .or(assignableTo("javax.swing.Timer"))
                .as("executors, thread factories or timers");
        return noClasses().that().resideInAPackage(domainPackage)
                .should().accessTargetWhere(startsThreads)
                .orShould().dependOnClassesThat(threadMachinery)
                .as(String.format("rule 3: the domain (%s) starts no threads of its own", domainPackage));
    }

    public static ArchRule adaptersMustNotDependOnEachOther(List<String> adapterPackages) {
        return classes().that().resideInAnyPackage(adapterPackages.toArray(String[]::new))
                .should(new ArchCondition<JavaClass>("not depend on another adapter") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        Optional<String> own = adapterOf(item, adapterPackages);
                        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                            Optional<String> other = adapterOf(dependency.getTargetClass(), adapterPackages);
                            if (other.isPresent() && !other.equals(own)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .as(String.format("rule 4: adapters %s never depend on each other", adapterPackages));
    }

    public static ArchRule adaptersMayUseOnlyDomainPorts(
            List<String> adapterPackages, String domainPackage, List<String> portPackages) {
        return noClasses().that().resideInAnyPackage(adapterPackages.toArray(String[]::new))
                .should().dependOnClassesThat(resideInAPackage(domainPackage)
                        .and(not(resideInAnyPackage(portPackages.toArray(String[]::new)))))
                .as(String.format("rule 4: adapters use only the domain's ports %s, not its internals", portPackages));
    }

    public static ArchRule libraryMustNotDependOnKafka(List<String> libraryPackages) {
        return noClasses().that().resideInAnyPackage(libraryPackages.toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "kafka..")
                .as(String.format("rule 5: library code %s never depends on kafka-clients or the broker", libraryPackages));
    }

    public static ArchRule libraryMustNotDependOn(List<String> libraryPackages, String forbiddenPackage) {
        return noClasses().that().resideInAnyPackage(libraryPackages.toArray(String[]::new))
                .should().dependOnClassesThat().resideInAPackage(forbiddenPackage)
                .as(String.format("rule 5: library code %s never depends on %s", libraryPackages, forbiddenPackage));
    }

    public static ArchRule mayDependOnlyOn(String layer, String... allowedPackages) {
        return classes().that().resideInAPackage(layer)
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowedPackages)
                .as(String.format("%s depends only on %s", layer, String.join(", ", allowedPackages)));
    }

    private static Optional<String> adapterOf(JavaClass javaClass, List<String> adapterPackages) {
        return adapterPackages.stream()
                .filter(p -> PackageMatcher.of(p).matches(javaClass.getPackageName()))
                .findFirst();
    }

    private static boolean isOwner(AccessTarget target, String className) {
        return target.getOwner().getName().equals(className);
    }

    private interface TargetTest {
        boolean test(AccessTarget target);
    }

    /** Matches calls, constructor calls and method references alike: {@code System::nanoTime} reads the clock too. */
    private static DescribedPredicate<JavaAccess<?>> target(TargetTest test, String description) {
        return DescribedPredicate.describe(description, access -> test.test(access.getTarget()));
    }

    /** Flags a type from the forbidden packages anywhere in the public or protected surface of a class. */
    private static final class PublicSignatureCondition extends ArchCondition<JavaClass> {
        private final DescribedPredicate<JavaClass> forbidden;

        PublicSignatureCondition(DescribedPredicate<JavaClass> forbidden) {
            super("expose no type that is " + forbidden.getDescription() + " in a public signature");
            this.forbidden = forbidden;
        }

        @Override
        public void check(JavaClass item, ConditionEvents events) {
            item.getRawSuperclass().ifPresent(s -> report(item, "extends", Set.of(s), events));
            item.getInterfaces().forEach(i -> report(item, "implements", i.getAllInvolvedRawTypes(), events));
            item.getFields().stream().filter(HexagonRules::isExposed)
                    .forEach(f -> report(item, "field " + f.getName(), f.getType().getAllInvolvedRawTypes(), events));
            item.getCodeUnits().stream().filter(HexagonRules::isExposed).forEach(codeUnit -> {
                String where = codeUnit.getFullName();
                report(item, where + " returns", codeUnit.getReturnType().getAllInvolvedRawTypes(), events);
                codeUnit.getParameterTypes().forEach(p -> report(item, where + " takes", p.getAllInvolvedRawTypes(), events));
                codeUnit.getThrowsClause().getTypes().forEach(t -> report(item, where + " throws", Set.of(t), events));
            });
        }

        private void report(JavaClass item, String where, Set<JavaClass> types, ConditionEvents events) {
            types.stream().filter(forbidden).forEach(type -> events.add(SimpleConditionEvent.violated(item,
                    item.getName() + ": " + where + " " + type.getName())));
        }
    }

    private static boolean isExposed(JavaMember member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        return modifiers.contains(JavaModifier.PUBLIC)
                || modifiers.contains(JavaModifier.PROTECTED);
    }
}
