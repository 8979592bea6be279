package org.caseledger.verify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The kit runs on the JDK alone, so an auditor needs nothing but the jar and a Java runtime: no class may use another
 * library. And its packages, one per feature, have no cycles.
 */
@AnalyzeClasses(packages = "org.caseledger.verify", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule nothingButTheJdkAtRunTime = classes()
            .that().resideInAPackage("org.caseledger.verify..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "org.caseledger.verify..", "java..", "javax.crypto..", "com.sun.net.httpserver..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.caseledger.verify.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theFormatsKnowNothingOfTheWitnessOrThePolicy = classes()
            .that().resideInAnyPackage("org.caseledger.verify.tlog..", "org.caseledger.verify.note..", "org.caseledger.verify.primitives..")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages(
                    "org.caseledger.verify.witness..", "org.caseledger.verify.trust..", "org.caseledger.verify.cli..");
}
