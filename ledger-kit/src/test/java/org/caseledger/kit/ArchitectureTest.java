package org.caseledger.kit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The kit keeps verification independent of the ledger's code (ADR 0015): whether a case file holds is decided by the
 * verifier of ledger-verify, which runs on the JDK alone, never by the ledger's own hashing or signing; the ledger's
 * code enters only to read what the verifier passed. And the kit's packages have no cycles.
 */
@AnalyzeClasses(packages = {"org.caseledger.kit", "org.caseledger.verify"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theVerifierItRunsKnowsNothingOfTheLedger = classes()
            .that().resideInAPackage("org.caseledger.verify..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "org.caseledger.verify..", "java..", "javax.crypto..", "com.sun.net.httpserver..");

    @ArchTest
    static final ArchRule theKitNeverVerifiesWithTheLedgersOwnIntegrityCode = noClasses()
            .that().resideInAPackage("org.caseledger.kit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.caseledger.core.integrity..", "org.caseledger.api..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.caseledger.kit.(*)..").should().beFreeOfCycles();
}
