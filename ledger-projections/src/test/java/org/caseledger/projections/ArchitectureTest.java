package org.caseledger.projections;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The read models know nothing of how they are served, the folds that time travel and the auditor's kit run on a
 * case's events alone need no database and no event processor, and the packages have no cycles: the processor that
 * writes every read model sits above them in a package of its own.
 */
@AnalyzeClasses(packages = "org.caseledger.projections", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theReadModelsKnowNothingOfTheWeb = noClasses()
            .that().resideInAPackage("org.caseledger.projections..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "org.caseledger.api..");

    @ArchTest
    static final ArchRule theFoldsNeedNoDatabaseAndNoProcessor = noClasses()
            .that().resideInAnyPackage("org.caseledger.projections.timeline..", "org.caseledger.projections.moment..")
            .or().haveSimpleName("CaseViewFold")
            .or().haveSimpleName("ComplianceChecks")
            .or().haveSimpleName("MetricFacts")
            .or().haveSimpleName("LateRecordings")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                    "org.axonframework..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.caseledger.projections.(*)..").should().beFreeOfCycles();
}
