package org.caseledger.core.cases;

import static org.caseledger.core.cases.CaseFixtures.CASE_ID;
import static org.caseledger.core.cases.CaseFixtures.INVESTIGATION_DECISION;
import static org.caseledger.core.cases.CaseFixtures.caseFixture;
import static org.caseledger.core.cases.CaseFixtures.caseOpened;
import static org.caseledger.core.cases.CaseFixtures.investigationClosed;
import static org.caseledger.core.cases.CaseFixtures.investigationOpened;
import static org.caseledger.core.law.DecisionKind.CLOSE_CASE;
import static org.caseledger.core.law.DecisionKind.CLOSE_INVESTIGATION;
import static org.caseledger.core.law.DecisionKind.DO_NOT_OPEN_INVESTIGATION;
import static org.caseledger.core.law.DecisionKind.EXTEND_INVESTIGATION;
import static org.caseledger.core.law.DecisionKind.GRANT_INTERVENTION;
import static org.caseledger.core.law.DecisionKind.OPEN_INVESTIGATION;
import static org.caseledger.core.shared.LedgerRuleMatchers.violates;
import static org.caseledger.core.shared.TestEnvelopes.at;
import static org.caseledger.core.shared.TestEnvelopes.by;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.law.TestLaw;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Decisions on investigations and the case: the legal basis in force, the delegation order, the deadlines. */
class CaseDecisionTest {

    private static final DecisionId DECISION = DecisionId.of("d0000000-0000-4000-8000-000000000002");
    private static final String RATIONALE = "the report gives cause for an investigation";
    private static final InterventionId INTERVENTION = InterventionId.of("a0000000-0000-4000-8000-000000000001");

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = caseFixture();
    }

    @Test
    void openingAnInvestigationRecordsTheDecisionWithADeadlineFourMonthsLater() {
        Envelope envelope = at("2025-09-03T09:00:00Z");

        fixture.given(caseOpened())
                .when(decide(OPEN_INVESTIGATION, TestLaw.NEW_PRELIMINARY_ASSESSMENT, envelope))
                .expectEvents(new DecisionMade(CASE_ID, DECISION, OPEN_INVESTIGATION, TestLaw.NEW_PRELIMINARY_ASSESSMENT,
                        TestLaw.OPEN_INVESTIGATION_RULE, envelope.actor(), Role.SOCIAL_SECRETARY, LocalDate.of(2025, 9, 3),
                        RATIONALE, false, false, null, null, LocalDate.of(2026, 1, 3), envelope));
    }

    @Test
    void anInvestigationOpenedOnTheLastDayOfAMonthIsDueOnTheLastDayFourMonthsLater() {
        Envelope envelope = at("2025-10-31T10:00:00Z");

        fixture.given(caseOpened())
                .when(decide(OPEN_INVESTIGATION, TestLaw.NEW_PRELIMINARY_ASSESSMENT, envelope))
                .expectEvents(new DecisionMade(CASE_ID, DECISION, OPEN_INVESTIGATION, TestLaw.NEW_PRELIMINARY_ASSESSMENT,
                        TestLaw.OPEN_INVESTIGATION_RULE, envelope.actor(), Role.SOCIAL_SECRETARY, LocalDate.of(2025, 10, 31),
                        RATIONALE, false, false, null, null, LocalDate.of(2026, 2, 28), envelope));
    }

    @Test
    void theDecisionDayIsTheDayInStockholmNotInUtc() {
        // 22:30 UTC on 30 September is half past midnight on 1 October in Stockholm
        Envelope envelope = at("2025-09-30T22:30:00Z");

        fixture.given(caseOpened())
                .when(decide(OPEN_INVESTIGATION, TestLaw.NEW_PRELIMINARY_ASSESSMENT, envelope))
                .expectEvents(new DecisionMade(CASE_ID, DECISION, OPEN_INVESTIGATION, TestLaw.NEW_PRELIMINARY_ASSESSMENT,
                        TestLaw.OPEN_INVESTIGATION_RULE, envelope.actor(), Role.SOCIAL_SECRETARY, LocalDate.of(2025, 10, 1),
                        RATIONALE, false, false, null, null, LocalDate.of(2026, 2, 1), envelope));
    }

    @Test
    void theRepealedActCanBeCitedOnItsLastDay() {
        // 23:59 in Stockholm on 30 June 2025
        Envelope envelope = at("2025-06-30T21:59:00Z");

        fixture.given(caseOpened(Instant.parse("2025-06-20T08:00:00Z")))
                .when(decide(OPEN_INVESTIGATION, TestLaw.OLD_PRELIMINARY_ASSESSMENT, envelope))
                .expectEvents(new DecisionMade(CASE_ID, DECISION, OPEN_INVESTIGATION, TestLaw.OLD_PRELIMINARY_ASSESSMENT,
                        TestLaw.OPEN_INVESTIGATION_RULE, envelope.actor(), Role.SOCIAL_SECRETARY, LocalDate.of(2025, 6, 30),
                        RATIONALE, false, false, null, null, LocalDate.of(2025, 10, 30), envelope));
    }

    /** From midnight in Stockholm on 1 July 2025 (22:00 UTC the evening before) only SFS 2025:400 is in force. */
    @ParameterizedTest
    @ValueSource(strings = {"2025-06-30T22:00:00Z", "2025-07-01T08:00:00Z", "2026-01-15T08:00:00Z"})
    void theRepealedActCannotBeCitedOnceTheNewActIsInForce(String occurredAt) {
        fixture.given(caseOpened(Instant.parse("2025-06-20T08:00:00Z")))
                .when(decide(OPEN_INVESTIGATION, TestLaw.OLD_PRELIMINARY_ASSESSMENT, at(occurredAt)))
                .expectException(violates(LedgerRule.LEGAL_BASIS_NOT_IN_FORCE))
                .expectNoEvents();
    }

    @Test
    void theNewActCannotBeCitedBeforeItCameIntoForce() {
        fixture.given(caseOpened(Instant.parse("2025-06-20T08:00:00Z")))
                .when(decide(OPEN_INVESTIGATION, TestLaw.NEW_PRELIMINARY_ASSESSMENT, at("2025-06-30T21:59:00Z")))
                .expectException(violates(LedgerRule.LEGAL_BASIS_NOT_IN_FORCE))
                .expectNoEvents();
    }

    @Test
    void theNewActCanBeCitedFromMidnightOfItsFirstDayInStockholm() {
        Envelope envelope = at("2025-06-30T22:00:00Z");

        fixture.given(caseOpened(Instant.parse("2025-06-20T08:00:00Z")))
                .when(decide(OPEN_INVESTIGATION, TestLaw.NEW_PRELIMINARY_ASSESSMENT, envelope))
                .expectEvents(new DecisionMade(CASE_ID, DECISION, OPEN_INVESTIGATION, TestLaw.NEW_PRELIMINARY_ASSESSMENT,
                        TestLaw.OPEN_INVESTIGATION_RULE, envelope.actor(), Role.SOCIAL_SECRETARY, LocalDate.of(2025, 7, 1),
                        RATIONALE, false, false, null, null, LocalDate.of(2025, 11, 1), envelope));
    }

    @Test
    void citingABasisThatIsNotInTheCatalogueIsRejected() {
        fixture.given(caseOpened())
                .when(decide(OPEN_INVESTIGATION, LegalBasisId.of("SFS2025:400-99kap1"), at("2025-09-03T09:00:00Z")))
                .expectException(violates(LedgerRule.LEGAL_BASIS_UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void citingABasisForAnotherKindOfDecisionIsRejected() {
        fixture.given(caseOpened())
                .when(decide(OPEN_INVESTIGATION, TestLaw.NEW_ASSISTANCE, at("2025-09-03T09:00:00Z")))
                .expectException(violates(LedgerRule.LEGAL_BASIS_NOT_APPLICABLE))
                .expectNoEvents();
    }

    @Test
    void citingADisclosureProvisionForADecisionIsRejected() {
        fixture.given(caseOpened())
                .when(decide(OPEN_INVESTIGATION, TestLaw.OSL_DISCLOSURE, at("2025-09-03T09:00:00Z")))
                .expectException(violates(LedgerRule.LEGAL_BASIS_NOT_APPLICABLE))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} may not decide {1}")
    @CsvSource({
            "SOCIAL_SECRETARY, EXTEND_INVESTIGATION",
            "SOCIAL_SECRETARY, GRANT_INTERVENTION",
            "SOCIAL_SECRETARY, DENY_INTERVENTION",
            "ADMINISTRATOR,    OPEN_INVESTIGATION",
            "AUDITOR,          CLOSE_INVESTIGATION",
            "AUDITOR,          CLOSE_CASE"})
    void aRoleTheDelegationOrderDoesNotNameCannotDecide(Role role, DecisionKind kind) {
        LegalBasisId basis = switch (kind) {
            case OPEN_INVESTIGATION, DO_NOT_OPEN_INVESTIGATION, EXTEND_PRELIMINARY_ASSESSMENT -> TestLaw.NEW_PRELIMINARY_ASSESSMENT;
            case EXTEND_INVESTIGATION, CLOSE_INVESTIGATION -> TestLaw.NEW_INVESTIGATION;
            case GRANT_INTERVENTION, DENY_INTERVENTION, END_INTERVENTION -> TestLaw.NEW_ASSISTANCE;
            case CLOSE_CASE -> TestLaw.NEW_CASE_CLOSURE;
        };
        Object[] given = kind == OPEN_INVESTIGATION
                ? new Object[] {caseOpened()}
                : new Object[] {caseOpened(), investigationOpened()};

        fixture.given(given)
                .when(new MakeDecision(CASE_ID, DECISION, kind, basis, RATIONALE, true, INTERVENTION,
                        InterventionType.FAMILY_TREATMENT, LocalDate.of(2026, 3, 3), by(role, "2025-10-01T09:00:00Z")))
                .expectException(violates(LedgerRule.DECISION_NOT_DELEGATED))
                .expectNoEvents();
    }

    @Test
    void openingASecondInvestigationWhileOneIsOpenIsRejected() {
        fixture.given(caseOpened(), investigationOpened())
                .when(decide(OPEN_INVESTIGATION, TestLaw.NEW_PRELIMINARY_ASSESSMENT, at("2025-09-20T09:00:00Z")))
                .expectException(violates(LedgerRule.INVESTIGATION_ALREADY_OPEN))
                .expectNoEvents();
    }

    @Test
    void decidingNotToOpenAnInvestigationRecordsNoDeadline() {
        Envelope envelope = at("2025-09-03T09:00:00Z");

        fixture.given(caseOpened())
                .when(new MakeDecision(CASE_ID, DECISION, DO_NOT_OPEN_INVESTIGATION, TestLaw.NEW_PRELIMINARY_ASSESSMENT,
                        "no cause for concern", false, null, null, null, envelope))
                .expectEvents(new DecisionMade(CASE_ID, DECISION, DO_NOT_OPEN_INVESTIGATION, TestLaw.NEW_PRELIMINARY_ASSESSMENT,
                        TestLaw.DO_NOT_OPEN_INVESTIGATION_RULE, envelope.actor(), Role.SOCIAL_SECRETARY, LocalDate.of(2025, 9, 3),
                        "no cause for concern", false, false, null, null, null, envelope));
    }

    @Test
    void decidingNotToOpenWhileAnInvestigationIsOpenIsRejected() {
        fixture.given(caseOpened(), investigationOpened())
                .when(decide(DO_NOT_OPEN_INVESTIGATION, TestLaw.NEW_PRELIMINARY_ASSESSMENT, at("2025-09-20T09:00:00Z")))
                .expectException(violates(LedgerRule.INVESTIGATION_ALREADY_OPEN))
                .expectNoEvents();
    }

    @Test
    void extendingTheInvestigationMovesTheDeadlineToTheDayDecided() {
        Envelope envelope = by(Role.GROUP_LEADER, "2025-12-15T09:00:00Z");

        fixture.given(caseOpened(), investigationOpened())
                .when(extendTo(LocalDate.of(2026, 3, 3), envelope))
                .expectEvents(new DecisionMade(CASE_ID, DECISION, EXTEND_INVESTIGATION, TestLaw.NEW_INVESTIGATION,
                        TestLaw.EXTEND_INVESTIGATION_RULE, envelope.actor(), Role.GROUP_LEADER, LocalDate.of(2025, 12, 15),
                        "the child could not be heard yet", false, false, null, null, LocalDate.of(2026, 3, 3), envelope));
    }

    @Test
    void extendingWithoutAnInvestigationIsRejected() {
        fixture.given(caseOpened())
                .when(extendTo(LocalDate.of(2026, 3, 3), by(Role.GROUP_LEADER, "2025-12-15T09:00:00Z")))
                .expectException(violates(LedgerRule.INVESTIGATION_NOT_OPEN))
                .expectNoEvents();
    }

    @Test
    void extendingAClosedInvestigationIsRejected() {
        fixture.given(caseOpened(), investigationOpened(), investigationClosed(Instant.parse("2025-11-20T09:00:00Z")))
                .when(extendTo(LocalDate.of(2026, 3, 3), by(Role.GROUP_LEADER, "2025-12-15T09:00:00Z")))
                .expectException(violates(LedgerRule.INVESTIGATION_NOT_OPEN))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-03", "2025-12-20"})
    void anExtensionMustMoveTheDeadlineLater(LocalDate extendedUntil) {
        fixture.given(caseOpened(), investigationOpened())
                .when(extendTo(extendedUntil, by(Role.GROUP_LEADER, "2025-12-15T09:00:00Z")))
                .expectException(violates(LedgerRule.EXTENSION_NOT_LATER))
                .expectNoEvents();
    }

    @Test
    void aSecondExtensionMustGoBeyondTheFirst() {
        Envelope firstExtension = by(Role.GROUP_LEADER, "2025-12-15T09:00:00Z");
        DecisionMade extended = new DecisionMade(CASE_ID, DecisionId.of("d0000000-0000-4000-8000-000000000003"),
                EXTEND_INVESTIGATION, TestLaw.NEW_INVESTIGATION, TestLaw.EXTEND_INVESTIGATION_RULE, firstExtension.actor(),
                Role.GROUP_LEADER, LocalDate.of(2025, 12, 15), "the child could not be heard yet", false, false, null, null,
                LocalDate.of(2026, 3, 3), firstExtension);

        fixture.given(caseOpened(), investigationOpened(), extended)
                .when(extendTo(LocalDate.of(2026, 2, 1), by(Role.GROUP_LEADER, "2026-01-20T09:00:00Z")))
                .expectException(violates(LedgerRule.EXTENSION_NOT_LATER))
                .expectNoEvents();
    }

    @Test
    void closingTheInvestigationIsRecorded() {
        Envelope envelope = at("2025-11-20T09:00:00Z");

        fixture.given(caseOpened(), investigationOpened())
                .when(new MakeDecision(CASE_ID, DECISION, CLOSE_INVESTIGATION, TestLaw.NEW_INVESTIGATION, "investigation complete",
                        false, null, null, null, envelope))
                .expectEvents(new DecisionMade(CASE_ID, DECISION, CLOSE_INVESTIGATION, TestLaw.NEW_INVESTIGATION,
                        TestLaw.CLOSE_INVESTIGATION_RULE, envelope.actor(), Role.SOCIAL_SECRETARY, LocalDate.of(2025, 11, 20),
                        "investigation complete", false, false, null, null, null, envelope));
    }

    @Test
    void closingAnInvestigationThatIsNotOpenIsRejected() {
        fixture.given(caseOpened())
                .when(decide(CLOSE_INVESTIGATION, TestLaw.NEW_INVESTIGATION, at("2025-11-20T09:00:00Z")))
                .expectException(violates(LedgerRule.INVESTIGATION_NOT_OPEN))
                .expectNoEvents();
    }

    @Test
    void afterClosingAnInvestigationANewOneCanBeOpened() {
        Envelope envelope = at("2026-02-02T09:00:00Z");

        fixture.given(caseOpened(), investigationOpened(), investigationClosed(Instant.parse("2025-11-20T09:00:00Z")))
                .when(decide(OPEN_INVESTIGATION, TestLaw.NEW_PRELIMINARY_ASSESSMENT, envelope))
                .expectEvents(new DecisionMade(CASE_ID, DECISION, OPEN_INVESTIGATION, TestLaw.NEW_PRELIMINARY_ASSESSMENT,
                        TestLaw.OPEN_INVESTIGATION_RULE, envelope.actor(), Role.SOCIAL_SECRETARY, LocalDate.of(2026, 2, 2),
                        RATIONALE, false, false, null, null, LocalDate.of(2026, 6, 2), envelope));
    }

    @Test
    void aDecisionIdCanBeUsedOnlyOnce() {
        fixture.given(caseOpened(), investigationOpened())
                .when(new MakeDecision(CASE_ID, INVESTIGATION_DECISION, CLOSE_INVESTIGATION, TestLaw.NEW_INVESTIGATION,
                        "investigation complete", false, null, null, null, at("2025-11-20T09:00:00Z")))
                .expectException(violates(LedgerRule.DUPLICATE_ID))
                .expectNoEvents();
    }

    @Test
    void aDecisionToCloseTheCaseIsRecorded() {
        Envelope envelope = at("2025-11-28T09:00:00Z");

        fixture.given(caseOpened())
                .when(new MakeDecision(CASE_ID, DECISION, CLOSE_CASE, TestLaw.NEW_CASE_CLOSURE, "no further need", false, null,
                        null, null, envelope))
                .expectEvents(closeCaseDecision(envelope));
    }

    /** The decision is the authority to close; the case is closed in fact by CaseClosed, which may follow later. */
    @Test
    void aDecisionToCloseTheCaseDoesNotItselfCloseTheCase() {
        Envelope envelope = at("2025-11-28T10:00:00Z");
        NoteId note = NoteId.of("c0000000-0000-4000-8000-000000000001");

        fixture.given(caseOpened(), closeCaseDecision(at("2025-11-28T09:00:00Z")))
                .when(new RecordJournalNote(CASE_ID, note, "closing letter sent to the family", envelope))
                .expectEvents(new JournalNoteRecorded(CASE_ID, note, "closing letter sent to the family", envelope));
    }

    @Test
    void aSocialSecretaryCouldGrantOnTheLastDayOfTheDelegationOrderOf2020() {
        // 23:30 in Stockholm on 31 December 2024
        Envelope envelope = at("2024-12-31T22:30:00Z");

        fixture.given(caseOpened(Instant.parse("2024-12-01T08:00:00Z")))
                .when(grantServiceSupport(envelope))
                .expectEvents(new DecisionMade(CASE_ID, DECISION, GRANT_INTERVENTION, TestLaw.OLD_ASSISTANCE,
                        TestLaw.GRANT_INTERVENTION_RULE_2020, envelope.actor(), Role.SOCIAL_SECRETARY, LocalDate.of(2024, 12, 31),
                        "help with the Social Insurance Agency", true, true, INTERVENTION, InterventionType.SERVICE_SUPPORT, null,
                        envelope));
    }

    @Test
    void aSocialSecretaryCannotGrantOnceTheDelegationOrderOf2020HasExpired() {
        // half past midnight on 1 January 2025 in Stockholm, still 31 December in UTC
        fixture.given(caseOpened(Instant.parse("2024-12-01T08:00:00Z")))
                .when(grantServiceSupport(at("2024-12-31T23:30:00Z")))
                .expectException(violates(LedgerRule.DECISION_NOT_DELEGATED))
                .expectNoEvents();
    }

    private static MakeDecision decide(DecisionKind kind, LegalBasisId basis, Envelope envelope) {
        return new MakeDecision(CASE_ID, DECISION, kind, basis, RATIONALE, false, null, null, null, envelope);
    }

    private static MakeDecision grantServiceSupport(Envelope envelope) {
        return new MakeDecision(CASE_ID, DECISION, GRANT_INTERVENTION, TestLaw.OLD_ASSISTANCE,
                "help with the Social Insurance Agency", true, INTERVENTION, InterventionType.SERVICE_SUPPORT, null, envelope);
    }

    private static DecisionMade closeCaseDecision(Envelope envelope) {
        return new DecisionMade(CASE_ID, DECISION, CLOSE_CASE, TestLaw.NEW_CASE_CLOSURE, TestLaw.CLOSE_CASE_RULE,
                envelope.actor(), Role.SOCIAL_SECRETARY, LocalDate.of(2025, 11, 28), "no further need", false, false, null, null,
                null, envelope);
    }

    private static MakeDecision extendTo(LocalDate extendedUntil, Envelope envelope) {
        return new MakeDecision(CASE_ID, DECISION, EXTEND_INVESTIGATION, TestLaw.NEW_INVESTIGATION,
                "the child could not be heard yet", false, null, null, extendedUntil, envelope);
    }
}
