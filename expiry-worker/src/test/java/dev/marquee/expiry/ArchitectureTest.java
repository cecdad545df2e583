package dev.marquee.expiry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.marquee.expiry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * Deciding a hold's end is plain Java: Kafka, Avro, Redis and Spring types stay in the adapters and in the
     * application services that run the decision under the lock, in a transaction, on a schedule.
     */
    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that().resideInAPackage("dev.marquee.expiry")
            .and().haveSimpleNameNotStartingWith("ExpiryWorker")
            .and().doNotHaveSimpleName("HallExpiry")
            .and().doNotHaveSimpleName("ExpirySweep")
            .and().doNotHaveSimpleName("OutboxRelay")
            .and().doNotHaveSimpleName("ExpiryProperties")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.apache.avro..",
                    "dev.marquee.events..", "org.redisson..", "org.springframework..");

    /** The domain does not reach around its ports into the adapters. */
    @ArchTest
    static final ArchRule domainKnowsNoAdapter = noClasses()
            .that().resideInAPackage("dev.marquee.expiry")
            .and().haveSimpleNameNotStartingWith("ExpiryWorker")
            .should().dependOnClassesThat().resideInAnyPackage("dev.marquee.expiry.messaging..",
                    "dev.marquee.expiry.persistence..");
}
