package org.caseledger.core.cases;

import static org.caseledger.core.cases.CaseFixtures.CASE_ID;
import static org.caseledger.core.cases.CaseFixtures.caseFixture;
import static org.caseledger.core.cases.CaseFixtures.caseOpened;
import static org.caseledger.core.cases.CaseFixtures.interventionDenied;
import static org.caseledger.core.cases.CaseFixtures.interventionGranted;
import static org.caseledger.core.cases.CaseFixtures.investigationClosed;
import static org.caseledger.core.cases.CaseFixtures.investigationOpened;
import static org.caseledger.core.cases.InterventionType.CONTACT_FAMILY;
import static org.caseledger.core.cases.InterventionType.FAMILY_TREATMENT;
import static org.caseledger.core.cases.InterventionType.SERVICE_SUPPORT;
import static org.caseledger.core.law.DecisionKind.DENY_INTERVENTION;
import static org.caseledger.core.law.DecisionKind.END_INTERVENTION;
import static org.caseledger.core.law.DecisionKind.GRANT_INTERVENTION;
import static org.caseledger.core.shared.LedgerRuleMatchers.violates;
import static org.caseledger.core.shared.TestEnvelopes.at;
import static org.caseledger.core.shared.TestEnvelopes.by;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.law.TestLaw;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.TestEnvelopes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Interventions (insatser): granted or denied by decision, offered, answered by the family, started, followed up, ended. */
class CaseInterventionTest {

    private static final InterventionId INTERVENTION = InterventionId.of("a0000000-0000-4000-8000-000000000001");
    private static final DecisionId DECISION = DecisionId.of("d0000000-0000-4000-8000-000000000010");
    private static final Instant GRANTED_AT = Instant.parse("2025-10-06T09:00:00Z");
    private static final Instant OFFERED_AT = Instant.parse("2025-10-07T09:00:00Z");
    private static final Instant ANSWERED_AT = Instant.parse("2025-10-08T09:00:00Z");
    private static final Instant STARTED_AT = Instant.parse("2025-10-13T09:00:00Z");
    private static final Envelope NEXT = at("2025-11-03T09:00:00Z");

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = caseFixture();
    }

    @ParameterizedTest
    @EnumSource(value = InterventionType.class, mode = EnumSource.Mode.EXCLUDE, names = "SERVICE_SUPPORT")
    void grantingAnInterventionOtherThanServiceSupportWithoutAnInvestigationIsRejected(InterventionType type) {
        fixture.given(caseOpened())
                .when(grant(type, TestLaw.NEW_ASSISTANCE, byGroupLeader(GRANTED_AT)))
                .expectException(violates(LedgerRule.INVESTIGATION_REQUIRED_FOR_GRANT))
                .expectNoEvents();
    }

    @Test
    void grantingFamilyTreatmentWithoutInvestigationIsRejected() {
        fixture.given(caseOpened(), offered(FAMILY_TREATMENT), accepted())
                .when(grant(null, TestLaw.NEW_ASSISTANCE, byGroupLeader(GRANTED_AT)))
                .expectException(violates(LedgerRule.INVESTIGATION_REQUIRED_FOR_GRANT))
                .expectNoEvents();
    }

    @Test
    void grantingServiceSupportNeedsNoInvestigation() {
        Envelope envelope = byGroupLeader(GRANTED_AT);

        fixture.given(caseOpened())
                .when(grant(SERVICE_SUPPORT, TestLaw.NEW_SERVICE_SUPPORT, envelope))
                .expectEvents(new DecisionMade(CASE_ID, DECISION, GRANT_INTERVENTION, TestLaw.NEW_SERVICE_SUPPORT,
                        TestLaw.GRANT_INTERVENTION_RULE, TestEnvelopes.GROUP_LEADER, Role.GROUP_LEADER,
                        LocalDate.of(2025, 10, 6), "practical help", false, true, INTERVENTION, SERVICE_SUPPORT, null, envelope));
    }

    @Test
    void grantingFamilyTreatmentAfterAnInvestigationRecordsAnAppealableDecision() {
        Envelope envelope = byGroupLeader(GRANTED_AT);

        fixture.given(caseOpened(), investigationOpened())
                .when(grant(FAMILY_TREATMENT, TestLaw.NEW_ASSISTANCE, envelope))
                .expectEvents(new DecisionMade(CASE_ID, DECISION, GRANT_INTERVENTION, TestLaw.NEW_ASSISTANCE,
                        TestLaw.GRANT_INTERVENTION_RULE, TestEnvelopes.GROUP_LEADER, Role.GROUP_LEADER,
                        LocalDate.of(2025, 10, 6), "practical help", true, true, INTERVENTION, FAMILY_TREATMENT, null, envelope));
    }

    @Test
    void anInvestigationThatWasClosedStillCountsForAGrant() {
        Envelope envelope = byGroupLeader(Instant.parse("2025-11-21T09:00:00Z"));

        fixture.given(caseOpened(), investigationOpened(), investigationClosed(Instant.parse("2025-11-20T09:00:00Z")))
                .when(grant(CONTACT_FAMILY, TestLaw.NEW_ASSISTANCE, envelope))
                .expectEvents(new DecisionMade(CASE_ID, DECISION, GRANT_INTERVENTION, TestLaw.NEW_ASSISTANCE,
                        TestLaw.GRANT_INTERVENTION_RULE, TestEnvelopes.GROUP_LEADER, Role.GROUP_LEADER,
                        LocalDate.of(2025, 11, 21), "practical help", true, true, INTERVENTION, CONTACT_FAMILY, null, envelope));
    }

    /** Whether appeal information was given is reported to the auditor, not enforced. */
    @Test
    void anAppealableGrantWithoutAppealInformationIsRecordedAsSuch() {
        Envelope envelope = byGroupLeader(GRANTED_AT);

        fixture.given(caseOpened(), investigationOpened())
                .when(new MakeDecision(CASE_ID, DECISION, GRANT_INTERVENTION, TestLaw.NEW_ASSISTANCE, "practical help", false,
                        INTERVENTION, FAMILY_TREATMENT, null, envelope))
                .expectEvents(new DecisionMade(CASE_ID, DECISION, GRANT_INTERVENTION, TestLaw.NEW_ASSISTANCE,
                        TestLaw.GRANT_INTERVENTION_RULE, TestEnvelopes.GROUP_LEADER, Role.GROUP_LEADER,
                        LocalDate.of(2025, 10, 6), "practical help", true, false, INTERVENTION, FAMILY_TREATMENT, null, envelope));
    }

    @Test
    void grantingANewInterventionWithoutItsTypeIsMalformed() {
        fixture.given(caseOpened(), investigationOpened())
                .when(grant(null, TestLaw.NEW_ASSISTANCE, byGroupLeader(GRANTED_AT)))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void grantingAnOfferedInterventionTakesTheOfferedType() {
        Envelope envelope = byGroupLeader(GRANTED_AT.plusSeconds(7 * 86_400));

        fixture.given(caseOpened(), investigationOpened(), offered(FAMILY_TREATMENT))
                .when(grant(null, TestLaw.NEW_ASSISTANCE, envelope))
                .expectEvents(new DecisionMade(CASE_ID, DECISION, GRANT_INTERVENTION, TestLaw.NEW_ASSISTANCE,
                        TestLaw.GRANT_INTERVENTION_RULE, TestEnvelopes.GROUP_LEADER, Role.GROUP_LEADER,
                        LocalDate.of(2025, 10, 13), "practical help", true, true, INTERVENTION, FAMILY_TREATMENT, null, envelope));
    }

    @Test
    void grantingAnOfferedInterventionAsAnotherTypeIsRejected() {
        fixture.given(caseOpened(), investigationOpened(), offered(FAMILY_TREATMENT))
                .when(grant(CONTACT_FAMILY, TestLaw.NEW_ASSISTANCE, byGroupLeader(GRANTED_AT)))
                .expectException(violates(LedgerRule.INTERVENTION_TYPE_MISMATCH))
                .expectNoEvents();
    }

    @Test
    void grantingTwiceIsRejected() {
        fixture.given(caseOpened(), investigationOpened(), granted(FAMILY_TREATMENT))
                .when(grant(FAMILY_TREATMENT, TestLaw.NEW_ASSISTANCE, byGroupLeader(NEXT.occurredAt())))
                .expectException(violates(LedgerRule.INTERVENTION_ALREADY_GRANTED))
                .expectNoEvents();
    }

    @Test
    void grantingADeniedInterventionIsRejected() {
        fixture.given(caseOpened(), investigationOpened(), interventionDenied(INTERVENTION, FAMILY_TREATMENT, GRANTED_AT))
                .when(grant(FAMILY_TREATMENT, TestLaw.NEW_ASSISTANCE, byGroupLeader(NEXT.occurredAt())))
                .expectException(violates(LedgerRule.INTERVENTION_ALREADY_DECIDED))
                .expectNoEvents();
    }

    @Test
    void denyingAnInterventionIsRecordedAndNeedsNoInvestigation() {
        Envelope envelope = byGroupLeader(GRANTED_AT);

        fixture.given(caseOpened())
                .when(decideOn(DENY_INTERVENTION, FAMILY_TREATMENT, TestLaw.NEW_ASSISTANCE, envelope))
                .expectEvents(new DecisionMade(CASE_ID, DECISION, DENY_INTERVENTION, TestLaw.NEW_ASSISTANCE,
                        TestLaw.DENY_INTERVENTION_RULE, TestEnvelopes.GROUP_LEADER, Role.GROUP_LEADER,
                        LocalDate.of(2025, 10, 6), "practical help", true, true, INTERVENTION, FAMILY_TREATMENT, null, envelope));
    }

    @Test
    void denyingAGrantedInterventionIsRejected() {
        fixture.given(caseOpened(), investigationOpened(), granted(FAMILY_TREATMENT))
                .when(decideOn(DENY_INTERVENTION, FAMILY_TREATMENT, TestLaw.NEW_ASSISTANCE, byGroupLeader(NEXT.occurredAt())))
                .expectException(violates(LedgerRule.INTERVENTION_ALREADY_GRANTED))
                .expectNoEvents();
    }

    @Test
    void denyingTwiceIsRejected() {
        fixture.given(caseOpened(), interventionDenied(INTERVENTION, FAMILY_TREATMENT, GRANTED_AT))
                .when(decideOn(DENY_INTERVENTION, FAMILY_TREATMENT, TestLaw.NEW_ASSISTANCE, byGroupLeader(NEXT.occurredAt())))
                .expectException(violates(LedgerRule.INTERVENTION_ALREADY_DECIDED))
                .expectNoEvents();
    }

    @Test
    void decidingToEndAGrantedInterventionNamesItsType() {
        Envelope envelope = at("2026-03-02T09:00:00Z");

        fixture.given(caseOpened(), investigationOpened(), granted(FAMILY_TREATMENT), offered(FAMILY_TREATMENT), accepted(),
                        started())
                .when(decideOn(END_INTERVENTION, null, TestLaw.NEW_ASSISTANCE, envelope))
                .expectEvents(new DecisionMade(CASE_ID, DECISION, END_INTERVENTION, TestLaw.NEW_ASSISTANCE,
                        TestLaw.END_INTERVENTION_RULE, envelope.actor(), Role.SOCIAL_SECRETARY, LocalDate.of(2026, 3, 2),
                        "practical help", true, true, INTERVENTION, FAMILY_TREATMENT, null, envelope));
    }

    @Test
    void decidingToEndAnInterventionThatIsNotInTheCaseIsRejected() {
        fixture.given(caseOpened())
                .when(decideOn(END_INTERVENTION, null, TestLaw.NEW_ASSISTANCE, NEXT))
                .expectException(violates(LedgerRule.INTERVENTION_UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void decidingToEndAnInterventionThatWasNeverGrantedIsRejected() {
        fixture.given(caseOpened(), offered(FAMILY_TREATMENT), accepted())
                .when(decideOn(END_INTERVENTION, null, TestLaw.NEW_ASSISTANCE, NEXT))
                .expectException(violates(LedgerRule.INTERVENTION_NOT_GRANTED))
                .expectNoEvents();
    }

    @Test
    void decidingToEndAnInterventionThatHasEndedIsRejected() {
        fixture.given(caseOpened(), investigationOpened(), granted(FAMILY_TREATMENT), offered(FAMILY_TREATMENT), accepted(),
                        started(), ended())
                .when(decideOn(END_INTERVENTION, null, TestLaw.NEW_ASSISTANCE, at("2026-03-02T09:00:00Z")))
                .expectException(violates(LedgerRule.INTERVENTION_ALREADY_ENDED))
                .expectNoEvents();
    }

    @Test
    void offeringAnInterventionIsRecorded() {
        Envelope envelope = at(OFFERED_AT);

        fixture.given(caseOpened())
                .when(new OfferIntervention(CASE_ID, INTERVENTION, FAMILY_TREATMENT, true, envelope))
                .expectEvents(new InterventionOffered(CASE_ID, INTERVENTION, FAMILY_TREATMENT, true, envelope));
    }

    @Test
    void offeringAGrantedInterventionIsRecorded() {
        Envelope envelope = at(OFFERED_AT);

        fixture.given(caseOpened(), investigationOpened(), granted(FAMILY_TREATMENT))
                .when(new OfferIntervention(CASE_ID, INTERVENTION, FAMILY_TREATMENT, false, envelope))
                .expectEvents(new InterventionOffered(CASE_ID, INTERVENTION, FAMILY_TREATMENT, false, envelope));
    }

    @Test
    void offeringAGrantedInterventionAsAnotherTypeIsRejected() {
        fixture.given(caseOpened(), investigationOpened(), granted(FAMILY_TREATMENT))
                .when(new OfferIntervention(CASE_ID, INTERVENTION, CONTACT_FAMILY, true, at(OFFERED_AT)))
                .expectException(violates(LedgerRule.INTERVENTION_TYPE_MISMATCH))
                .expectNoEvents();
    }

    @Test
    void offeringADeniedInterventionIsRejected() {
        fixture.given(caseOpened(), interventionDenied(INTERVENTION, FAMILY_TREATMENT, GRANTED_AT))
                .when(new OfferIntervention(CASE_ID, INTERVENTION, FAMILY_TREATMENT, true, at(OFFERED_AT)))
                .expectException(violates(LedgerRule.INTERVENTION_DENIED))
                .expectNoEvents();
    }

    @Test
    void offeringTwiceIsRejected() {
        fixture.given(caseOpened(), offered(FAMILY_TREATMENT))
                .when(new OfferIntervention(CASE_ID, INTERVENTION, FAMILY_TREATMENT, true, NEXT))
                .expectException(violates(LedgerRule.INTERVENTION_ALREADY_OFFERED))
                .expectNoEvents();
    }

    @Test
    void acceptingAnOfferIsRecorded() {
        Envelope envelope = at(ANSWERED_AT);

        fixture.given(caseOpened(), offered(FAMILY_TREATMENT))
                .when(new AcceptIntervention(CASE_ID, INTERVENTION, envelope))
                .expectEvents(new InterventionAccepted(CASE_ID, INTERVENTION, envelope));
    }

    @Test
    void decliningAnOfferIsRecordedWithTheReason() {
        Envelope envelope = at(ANSWERED_AT);

        fixture.given(caseOpened(), offered(FAMILY_TREATMENT))
                .when(new DeclineIntervention(CASE_ID, INTERVENTION, "the family manages on its own", envelope))
                .expectEvents(new InterventionDeclined(CASE_ID, INTERVENTION, "the family manages on its own", envelope));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void answeringAnInterventionThatIsNotInTheCaseIsRejected(String answer, CaseCommand command) {
        fixture.given(caseOpened())
                .when(command)
                .expectException(violates(LedgerRule.INTERVENTION_UNKNOWN))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void answeringAnInterventionThatWasGrantedButNeverOfferedIsRejected(String answer, CaseCommand command) {
        fixture.given(caseOpened(), investigationOpened(), granted(FAMILY_TREATMENT))
                .when(command)
                .expectException(violates(LedgerRule.INTERVENTION_NOT_OFFERED))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} after accepting")
    @MethodSource("answers")
    void answeringAnAcceptedOfferIsRejected(String answer, CaseCommand command) {
        fixture.given(caseOpened(), offered(FAMILY_TREATMENT), accepted())
                .when(command)
                .expectException(violates(LedgerRule.INTERVENTION_ALREADY_ANSWERED))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} after declining")
    @MethodSource("answers")
    void answeringADeclinedOfferIsRejected(String answer, CaseCommand command) {
        fixture.given(caseOpened(), offered(FAMILY_TREATMENT), declined())
                .when(command)
                .expectException(violates(LedgerRule.INTERVENTION_ALREADY_ANSWERED))
                .expectNoEvents();
    }

    @Test
    void aGrantedAndAcceptedInterventionStarts() {
        Envelope envelope = at(STARTED_AT);

        fixture.given(caseOpened(), investigationOpened(), granted(FAMILY_TREATMENT), offered(FAMILY_TREATMENT), accepted())
                .when(new StartIntervention(CASE_ID, INTERVENTION, envelope))
                .expectEvents(new InterventionStarted(CASE_ID, INTERVENTION, envelope));
    }

    @Test
    void anInterventionAcceptedBeforeItWasGrantedStartsOnceGranted() {
        Envelope envelope = at(STARTED_AT);

        fixture.given(caseOpened(), investigationOpened(), offered(FAMILY_TREATMENT), accepted(), granted(FAMILY_TREATMENT))
                .when(new StartIntervention(CASE_ID, INTERVENTION, envelope))
                .expectEvents(new InterventionStarted(CASE_ID, INTERVENTION, envelope));
    }

    @Test
    void serviceSupportStartsOnceAcceptedWithoutAGrant() {
        Envelope envelope = at(STARTED_AT);

        fixture.given(caseOpened(), offered(SERVICE_SUPPORT), accepted())
                .when(new StartIntervention(CASE_ID, INTERVENTION, envelope))
                .expectEvents(new InterventionStarted(CASE_ID, INTERVENTION, envelope));
    }

    @Test
    void familyTreatmentAcceptedButNotGrantedCannotStart() {
        fixture.given(caseOpened(), investigationOpened(), offered(FAMILY_TREATMENT), accepted())
                .when(new StartIntervention(CASE_ID, INTERVENTION, at(STARTED_AT)))
                .expectException(violates(LedgerRule.INTERVENTION_NOT_GRANTED))
                .expectNoEvents();
    }

    @Test
    void aGrantedInterventionTheFamilyHasNotAcceptedCannotStart() {
        fixture.given(caseOpened(), investigationOpened(), granted(FAMILY_TREATMENT), offered(FAMILY_TREATMENT))
                .when(new StartIntervention(CASE_ID, INTERVENTION, at(STARTED_AT)))
                .expectException(violates(LedgerRule.INTERVENTION_NOT_ACCEPTED))
                .expectNoEvents();
    }

    @Test
    void aGrantedInterventionThatWasNeverOfferedCannotStart() {
        fixture.given(caseOpened(), investigationOpened(), granted(FAMILY_TREATMENT))
                .when(new StartIntervention(CASE_ID, INTERVENTION, at(STARTED_AT)))
                .expectException(violates(LedgerRule.INTERVENTION_NOT_ACCEPTED))
                .expectNoEvents();
    }

    @Test
    void aDeclinedServiceSupportCannotStart() {
        fixture.given(caseOpened(), offered(SERVICE_SUPPORT), declined())
                .when(new StartIntervention(CASE_ID, INTERVENTION, at(STARTED_AT)))
                .expectException(violates(LedgerRule.INTERVENTION_NOT_ACCEPTED))
                .expectNoEvents();
    }

    @Test
    void aDeniedInterventionCannotStartEvenIfAccepted() {
        fixture.given(caseOpened(), offered(SERVICE_SUPPORT), accepted(),
                        interventionDenied(INTERVENTION, SERVICE_SUPPORT, ANSWERED_AT.plusSeconds(3600)))
                .when(new StartIntervention(CASE_ID, INTERVENTION, at(STARTED_AT)))
                .expectException(violates(LedgerRule.INTERVENTION_DENIED))
                .expectNoEvents();
    }

    @Test
    void anInterventionStartsOnlyOnce() {
        fixture.given(caseOpened(), offered(SERVICE_SUPPORT), accepted(), started())
                .when(new StartIntervention(CASE_ID, INTERVENTION, NEXT))
                .expectException(violates(LedgerRule.INTERVENTION_ALREADY_STARTED))
                .expectNoEvents();
    }

    @Test
    void startingAnInterventionThatIsNotInTheCaseIsRejected() {
        fixture.given(caseOpened())
                .when(new StartIntervention(CASE_ID, INTERVENTION, at(STARTED_AT)))
                .expectException(violates(LedgerRule.INTERVENTION_UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void aRunningInterventionIsFollowedUp() {
        fixture.given(caseOpened(), offered(SERVICE_SUPPORT), accepted(), started())
                .when(new FollowUpIntervention(CASE_ID, INTERVENTION, "the family finds the help useful", NEXT))
                .expectEvents(new InterventionFollowedUp(CASE_ID, INTERVENTION, "the family finds the help useful", NEXT));
    }

    @Test
    void aRunningInterventionEnds() {
        fixture.given(caseOpened(), offered(SERVICE_SUPPORT), accepted(), started())
                .when(new EndIntervention(CASE_ID, INTERVENTION, "goals reached", NEXT))
                .expectEvents(new InterventionEnded(CASE_ID, INTERVENTION, "goals reached", NEXT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runningCommands")
    void anInterventionThatHasNotStartedCannotBeFollowedUpOrEnded(String name, CaseCommand command) {
        fixture.given(caseOpened(), offered(SERVICE_SUPPORT), accepted())
                .when(command)
                .expectException(violates(LedgerRule.INTERVENTION_NOT_STARTED))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runningCommands")
    void anInterventionThatHasEndedCannotBeFollowedUpOrEndedAgain(String name, CaseCommand command) {
        fixture.given(caseOpened(), offered(SERVICE_SUPPORT), accepted(), started(), ended())
                .when(command)
                .expectException(violates(LedgerRule.INTERVENTION_ALREADY_ENDED))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runningCommands")
    void anInterventionThatIsNotInTheCaseCannotBeFollowedUpOrEnded(String name, CaseCommand command) {
        fixture.given(caseOpened())
                .when(command)
                .expectException(violates(LedgerRule.INTERVENTION_UNKNOWN))
                .expectNoEvents();
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("accept", new AcceptIntervention(CASE_ID, INTERVENTION, NEXT)),
                Arguments.of("decline", new DeclineIntervention(CASE_ID, INTERVENTION, null, NEXT)));
    }

    static Stream<Arguments> runningCommands() {
        Envelope later = at("2026-02-02T09:00:00Z");
        return Stream.of(
                Arguments.of("follow up", new FollowUpIntervention(CASE_ID, INTERVENTION, "how it goes", later)),
                Arguments.of("end", new EndIntervention(CASE_ID, INTERVENTION, "goals reached", later)));
    }

    private static MakeDecision grant(InterventionType type, LegalBasisId basis, Envelope envelope) {
        return decideOn(GRANT_INTERVENTION, type, basis, envelope);
    }

    private static MakeDecision decideOn(DecisionKind kind, InterventionType type, LegalBasisId basis, Envelope envelope) {
        return new MakeDecision(CASE_ID, DECISION, kind, basis, "practical help", true, INTERVENTION, type, null, envelope);
    }

    private static Envelope byGroupLeader(Instant occurredAt) {
        return by(Role.GROUP_LEADER, occurredAt);
    }

    private static DecisionMade granted(InterventionType type) {
        return interventionGranted(INTERVENTION, type, GRANTED_AT);
    }

    private static InterventionOffered offered(InterventionType type) {
        return new InterventionOffered(CASE_ID, INTERVENTION, type, true, at(OFFERED_AT));
    }

    private static InterventionAccepted accepted() {
        return new InterventionAccepted(CASE_ID, INTERVENTION, at(ANSWERED_AT));
    }

    private static InterventionDeclined declined() {
        return new InterventionDeclined(CASE_ID, INTERVENTION, "not now", at(ANSWERED_AT));
    }

    private static InterventionStarted started() {
        return new InterventionStarted(CASE_ID, INTERVENTION, at(STARTED_AT));
    }

    private static InterventionEnded ended() {
        return new InterventionEnded(CASE_ID, INTERVENTION, "goals reached", at("2026-01-30T09:00:00Z"));
    }
}
