package org.caseledger.api;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

/**
 * The API's packages have no cycles. The words of a problem and the HTTP plumbing sit below the features: a feature's
 * refusal carries its own HTTP meaning (a {@link org.caseledger.api.problems.ProblemException}), so neither the
 * problems nor the exception handler need to know the features that refuse. The plumbing knows only the problems, the
 * member of staff signed in ({@code security}) and how the database reports a lost connection ({@code database}).
 * <p>
 * The features reach the event store through {@code streams} (a request's commands in one transaction, a stream's
 * stored events), which sits between them and the plumbing: it answers in the plumbing's terms (a version, a
 * refusal the handler words) and knows no feature, so every feature can use it.
 * <p>
 * What leans on the internals of Axon's event processors lives in {@code processing} alone, where tests pin each
 * reliance: an upgrade of Axon is checked there, not searched for.
 */
@AnalyzeClasses(packages = "org.caseledger.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theProblemsKnowNoFeature = classes()
            .that().resideInAPackage("org.caseledger.api.problems..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.caseledger.api..")
                    .or(resideInAnyPackage("org.caseledger.api.problems..")));

    @ArchTest
    static final ArchRule theHttpPlumbingKnowsNoFeature = classes()
            .that().resideInAPackage("org.caseledger.api.web..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.caseledger.api..")
                    .or(resideInAnyPackage("org.caseledger.api.web..", "org.caseledger.api.problems..", "org.caseledger.api.security..",
                            "org.caseledger.api.database..")));

    @ArchTest
    static final ArchRule theStreamsKnowNoFeature = classes()
            .that().resideInAPackage("org.caseledger.api.streams..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.caseledger.api..")
                    .or(resideInAnyPackage("org.caseledger.api.streams..", "org.caseledger.api.web..", "org.caseledger.api.security..",
                            "org.caseledger.api.database..")));

    @ArchTest
    static final ArchRule onlyTheProcessingKnowsAxonsProcessorInternals = noClasses()
            .that().resideOutsideOfPackage("org.caseledger.api.processing..")
            .should().dependOnClassesThat(resideInAnyPackage("org.axonframework.eventhandling.pooled..",
                            "org.axonframework.eventhandling.async..", "org.axonframework.eventhandling.tokenstore")
                    .or(JavaClass.Predicates.belongToAnyOf(ReplayToken.class, WrappedToken.class, GapAwareTrackingToken.class,
                            AbstractEventProcessor.class, StreamingEventProcessor.class, BatchingUnitOfWork.class)));

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.caseledger.api.(*)..").should().beFreeOfCycles();
}
