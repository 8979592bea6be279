package org.caseledger.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.LedgerCommand;
import org.caseledger.core.shared.LedgerEvent;

/** The domain stays free of web and storage technology, its messages keep stable, versioned shapes, and its packages have no cycles. */
@AnalyzeClasses(packages = "org.caseledger.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Covers Spring Web as well: {@code org.springframework..} includes {@code org.springframework.web..}. */
    @ArchTest
    static final ArchRule theDomainDoesNotDependOnSpring = noClasses()
            .that().resideInAPackage("org.caseledger.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..");

    @ArchTest
    static final ArchRule theDomainDoesNotDependOnSqlOrJpa = noClasses()
            .that().resideInAPackage("org.caseledger.core..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "jakarta.persistence..");

    @ArchTest
    static final ArchRule everyEventCarriesARevision = classes()
            .that().implement(LedgerEvent.class)
            .should().beAnnotatedWith(Revision.class);

    /** The stored type name is the class name; a nested class would tie it to its enclosing class. */
    @ArchTest
    static final ArchRule everyEventIsATopLevelRecord = classes()
            .that().implement(LedgerEvent.class)
            .should().beRecords()
            .andShould().beTopLevelClasses();

    @ArchTest
    static final ArchRule everyCommandIsATopLevelRecord = classes()
            .that().implement(LedgerCommand.class)
            .should().beRecords()
            .andShould().beTopLevelClasses();

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.caseledger.core.(*)..").should().beFreeOfCycles();
}
