package org.caseledger.core.cases;

import static org.caseledger.core.cases.CaseFixtures.CASE_ID;
import static org.caseledger.core.cases.CaseFixtures.caseFixture;
import static org.caseledger.core.cases.CaseFixtures.caseOpened;
import static org.caseledger.core.cases.CaseFixtures.investigationOpened;
import static org.caseledger.core.law.DecisionKind.DO_NOT_OPEN_INVESTIGATION;
import static org.caseledger.core.law.DecisionKind.EXTEND_PRELIMINARY_ASSESSMENT;
import static org.caseledger.core.shared.LedgerRuleMatchers.violates;
import static org.caseledger.core.shared.TestEnvelopes.at;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.caseledger.core.law.TestLaw;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The preliminary assessment (förhandsbedömning) is decided within fourteen days of the report, longer only for special
 * reasons: an extension is a decision whose rationale is the reason and which names the new last day.
 */
class PreliminaryAssessmentExtensionTest {

    private static final ReportId REPORT = ReportId.of("e0000000-0000-4000-8000-000000000001");
    private static final Instant RECEIVED_AT = Instant.parse("2025-09-01T07:00:00Z");
    private static final DecisionId EXTENSION = DecisionId.of("d0000000-0000-4000-8000-000000000010");
    private static final String REASON = "the school's report is incomplete; the police report is awaited";

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = caseFixture();
    }

    @Test
    void givenAReportAwaitingItsAssessmentWhenTheAssessmentIsExtendedThenTheDecisionRecordsTheNewLastDayAndTheReason() {
        Envelope envelope = at("2025-09-10T09:00:00Z");

        fixture.given(caseOpened(), reportReceived())
                .when(extendTo(LocalDate.of(2025, 9, 29), envelope))
                .expectEvents(new DecisionMade(CASE_ID, EXTENSION, EXTEND_PRELIMINARY_ASSESSMENT, TestLaw.NEW_PRELIMINARY_ASSESSMENT,
                        TestLaw.EXTEND_PRELIMINARY_ASSESSMENT_RULE, envelope.actor(), Role.SOCIAL_SECRETARY, LocalDate.of(2025, 9, 10),
                        REASON, false, false, null, null, null, LocalDate.of(2025, 9, 29), envelope));
    }

    @Test
    void givenNoReportWhenTheAssessmentIsExtendedThenItIsRefusedAsNothingAwaitsIt() {
        fixture.given(caseOpened())
                .when(extendTo(LocalDate.of(2025, 9, 29), at("2025-09-10T09:00:00Z")))
                .expectException(violates(LedgerRule.NO_ASSESSMENT_PENDING))
                .expectNoEvents();
    }

    @Test
    void givenTheDecisionWhetherToInvestigateWasMadeWhenTheAssessmentIsExtendedThenItIsRefused() {
        fixture.given(caseOpened(), reportReceived(), notToInvestigate())
                .when(extendTo(LocalDate.of(2025, 9, 29), at("2025-09-10T09:00:00Z")))
                .expectException(violates(LedgerRule.NO_ASSESSMENT_PENDING))
                .expectNoEvents();
    }

    @Test
    void givenAnOpenInvestigationWhenTheAssessmentIsExtendedThenItIsRefused() {
        fixture.given(caseOpened(), reportReceived(), investigationOpened())
                .when(extendTo(LocalDate.of(2025, 12, 29), at("2025-09-10T09:00:00Z")))
                .expectException(violates(LedgerRule.NO_ASSESSMENT_PENDING))
                .expectNoEvents();
    }

    @Test
    void givenAReportWhenTheExtensionDoesNotGoBeyondTheFourteenthDayThenItIsRefused() {
        fixture.given(caseOpened(), reportReceived())
                .when(extendTo(LocalDate.of(2025, 9, 15), at("2025-09-10T09:00:00Z")))
                .expectException(violates(LedgerRule.EXTENSION_NOT_LATER))
                .expectNoEvents();
    }

    @Test
    void givenAnExtensionWhenASecondDoesNotGoBeyondItThenItIsRefused() {
        Envelope first = at("2025-09-10T09:00:00Z");
        DecisionMade extended = new DecisionMade(CASE_ID, DecisionId.random(), EXTEND_PRELIMINARY_ASSESSMENT,
                TestLaw.NEW_PRELIMINARY_ASSESSMENT, TestLaw.EXTEND_PRELIMINARY_ASSESSMENT_RULE, first.actor(), Role.SOCIAL_SECRETARY,
                LocalDate.of(2025, 9, 10), REASON, false, false, null, null, null, LocalDate.of(2025, 9, 29), first);

        fixture.given(caseOpened(), reportReceived(), extended)
                .when(extendTo(LocalDate.of(2025, 9, 25), at("2025-09-20T09:00:00Z")))
                .expectException(violates(LedgerRule.EXTENSION_NOT_LATER))
                .expectNoEvents();
    }

    @Test
    void givenAnExtensionWithoutItsNewLastDayWhenItIsMadeThenTheCommandIsInvalid() {
        assertThatThrownBy(() -> new MakeDecision(CASE_ID, EXTENSION, EXTEND_PRELIMINARY_ASSESSMENT, TestLaw.NEW_PRELIMINARY_ASSESSMENT,
                REASON, false, null, null, null, null, at("2025-09-10T09:00:00Z")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("assessmentExtendedUntil");
    }

    private static ReportOfConcernReceived reportReceived() {
        return new ReportOfConcernReceived(CASE_ID, REPORT, ReporterType.SCHOOL, "worried", RECEIVED_AT, at(RECEIVED_AT));
    }

    private static DecisionMade notToInvestigate() {
        Envelope envelope = at("2025-09-05T09:00:00Z");
        return new DecisionMade(CASE_ID, DecisionId.random(), DO_NOT_OPEN_INVESTIGATION, TestLaw.NEW_PRELIMINARY_ASSESSMENT,
                TestLaw.DO_NOT_OPEN_INVESTIGATION_RULE, envelope.actor(), Role.SOCIAL_SECRETARY, LocalDate.of(2025, 9, 5),
                "no cause", false, false, null, null, null, envelope);
    }

    private static MakeDecision extendTo(LocalDate until, Envelope envelope) {
        return new MakeDecision(CASE_ID, EXTENSION, EXTEND_PRELIMINARY_ASSESSMENT, TestLaw.NEW_PRELIMINARY_ASSESSMENT, REASON, false,
                null, null, null, until, envelope);
    }
}
