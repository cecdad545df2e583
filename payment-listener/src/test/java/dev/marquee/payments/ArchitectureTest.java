package dev.marquee.payments;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.marquee.payments", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * Deciding a payment is plain Java: Kafka, Avro, Redis, Spring and web types stay in the adapters and in the
     * application service that runs the decision under the lock.
     */
    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that().resideInAPackage("dev.marquee.payments")
            .and().haveSimpleNameNotStartingWith("PaymentListener")
            .and().doNotHaveSimpleName("PaymentSettlement")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.apache.avro..",
                    "dev.marquee.events..", "org.redisson..", "org.springframework..", "java.net.http..",
                    "tools.jackson..");

    /** The domain does not reach around its ports into the adapters. */
    @ArchTest
    static final ArchRule domainKnowsNoAdapter = noClasses()
            .that().resideInAPackage("dev.marquee.payments")
            .and().haveSimpleNameNotStartingWith("PaymentListener")
            .should().dependOnClassesThat().resideInAnyPackage("dev.marquee.payments.messaging..",
                    "dev.marquee.payments.persistence..", "dev.marquee.payments.gateway..");
}
