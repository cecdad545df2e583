package dev.marquee.orderapi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.marquee.orderapi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The order, payment, catalog, partner-app and rate-limit domain know nothing of Kafka, Avro, Redis, Debezium or
     * the web (the partners' and rate limits' Redis and web sides are adapters in their sub-packages).
     */
    @ArchTest
    static final ArchRule domainHasNoInfrastructure = noClasses()
            .that().resideInAnyPackage("dev.marquee.orderapi.order", "dev.marquee.orderapi.catalog",
                    "dev.marquee.orderapi.payment", "dev.marquee.orderapi.partner", "dev.marquee.orderapi.ratelimit")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.apache.avro..",
                    "dev.marquee.events..", "org.redisson..", "io.debezium..", "org.springframework.web..",
                    "org.springframework.kafka..");

    @ArchTest
    static final ArchRule webDoesNotReachIntoMessaging = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("..messaging..", "..outbox..");
}
