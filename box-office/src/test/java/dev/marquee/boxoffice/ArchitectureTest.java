package dev.marquee.boxoffice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.marquee.boxoffice", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The tally, rankings and series are plain Java: the live projection, the rebuild and the replay fold with
     * them alike, whatever they read from and write to.
     */
    @ArchTest
    static final ArchRule figuresArePlainJava = noClasses()
            .that().resideInAPackage("dev.marquee.boxoffice")
            .and().haveSimpleNameNotStartingWith("BoxOfficeApplication")
            .and().haveSimpleNameNotStartingWith("BoxOfficeConfiguration")
            .and().haveSimpleNameNotStartingWith("BoxOfficeProperties")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.apache.avro..",
                    "dev.marquee.events..", "org.springframework..", "java.sql..", "javax.sql..", "tools.jackson..");

    /** The figures do not reach into the adapters. */
    @ArchTest
    static final ArchRule figuresKnowNoAdapter = noClasses()
            .that().resideInAPackage("dev.marquee.boxoffice")
            .and().haveSimpleNameNotStartingWith("BoxOfficeApplication")
            .and().haveSimpleNameNotStartingWith("BoxOfficeConfiguration")
            .should().dependOnClassesThat().resideInAnyPackage("dev.marquee.boxoffice.persistence..",
                    "dev.marquee.boxoffice.messaging..", "dev.marquee.boxoffice.replay..",
                    "dev.marquee.boxoffice.rebuild..", "dev.marquee.boxoffice.web..");

    /** The replay is plain Java and Kafka: the launcher runs it without a Spring context. */
    @ArchTest
    static final ArchRule replayNeedsNoSpring = noClasses()
            .that().resideInAPackage("dev.marquee.boxoffice.replay..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..");
}
