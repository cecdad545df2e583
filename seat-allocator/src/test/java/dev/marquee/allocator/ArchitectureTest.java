package dev.marquee.allocator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.marquee.allocator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Deciding seats is plain Java: Kafka, Avro, Redis and web types stay in the adapters. */
    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that().haveSimpleNameStartingWith("Allocation").or().haveSimpleName("SeatRequest")
            .or().haveSimpleName("RejectionReason")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.apache.avro..",
                    "dev.marquee.events..", "org.redisson..", "io.debezium..", "org.springframework..");
}
