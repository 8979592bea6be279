package org.caseledger.core.cases;

import static org.caseledger.core.cases.CaseFixtures.CASE_ID;
import static org.caseledger.core.cases.CaseFixtures.PARENT;
import static org.caseledger.core.cases.CaseFixtures.caseClosed;
import static org.caseledger.core.cases.CaseFixtures.caseFixture;
import static org.caseledger.core.cases.CaseFixtures.caseOpened;
import static org.caseledger.core.cases.CaseFixtures.interventionGranted;
import static org.caseledger.core.cases.CaseFixtures.investigationOpened;
import static org.caseledger.core.shared.LedgerRuleMatchers.violates;
import static org.caseledger.core.shared.TestEnvelopes.at;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.law.TestLaw;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A closed case takes no new facts. Every command is tried against a history in which it would be accepted
 * while the case is open, so that the closure is the only reason for the rejection.
 */
class CaseClosedTest {

    private static final ReportId REPORT = ReportId.of("b0000000-0000-4000-8000-000000000001");
    private static final VisitId VISIT = VisitId.of("f0000000-0000-4000-8000-000000000001");
    private static final NoteId NOTE = NoteId.of("c0000000-0000-4000-8000-000000000001");
    private static final ConsentId CONSENT = ConsentId.of("5c000000-0000-4000-8000-000000000001");
    /** Offered and granted, awaiting the family's answer. */
    private static final InterventionId OFFERED = InterventionId.of("a0000000-0000-4000-8000-000000000001");
    /** Granted and accepted, ready to start. */
    private static final InterventionId ACCEPTED = InterventionId.of("a0000000-0000-4000-8000-000000000002");
    /** Running. */
    private static final InterventionId RUNNING = InterventionId.of("a0000000-0000-4000-8000-000000000003");
    private static final Envelope BEFORE = at("2025-10-01T09:00:00Z");
    private static final Envelope AFTER_CLOSURE = at("2025-12-02T09:00:00Z");

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void aClosedCaseTakesNoNewFacts(String name, CaseCommand command) {
        List<Object> history = new ArrayList<>(openHistory());
        history.add(caseClosed());

        caseFixture().given(history)
                .when(command)
                .expectException(violates(LedgerRule.CASE_CLOSED))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void theSameCommandIsAcceptedWhileTheCaseIsOpen(String name, CaseCommand command) {
        caseFixture().given(openHistory())
                .when(command)
                .expectSuccessfulHandlerExecution();
    }

    static Stream<Arguments> everyCommand() {
        Envelope after = AFTER_CLOSURE;
        return Stream.of(
                Arguments.of("ReceiveReportOfConcern", new ReceiveReportOfConcern(CASE_ID, ReportId.random(), ReporterType.POLICE,
                        "a new report", after.occurredAt(), after)),
                Arguments.of("AssessProtection", new AssessProtection(CASE_ID, REPORT, false, "no danger", after)),
                Arguments.of("AssignCase", new AssignCase(CASE_ID, StaffId.of("karin.holm"), after)),
                Arguments.of("TransferCase", new TransferCase(CASE_ID, UnitId.of("central-reception"), "reopened", after)),
                Arguments.of("MakeDecision", new MakeDecision(CASE_ID, DecisionId.random(), DecisionKind.CLOSE_INVESTIGATION,
                        TestLaw.NEW_INVESTIGATION, "done", false, null, null, null, after)),
                Arguments.of("RecordChildHeard", new RecordChildHeard(CASE_ID, "talked", after)),
                Arguments.of("RecordChildNotHeard", new RecordChildNotHeard(CASE_ID, "refused", after)),
                Arguments.of("BookVisit", new BookVisit(CASE_ID, VisitId.random(), Instant.parse("2025-12-10T09:00:00Z"),
                        VisitPlace.OFFICE, after)),
                Arguments.of("RecordVisitHeld", new RecordVisitHeld(CASE_ID, VISIT, after)),
                Arguments.of("RecordVisitMissed", new RecordVisitMissed(CASE_ID, VISIT, after)),
                Arguments.of("CancelVisit", new CancelVisit(CASE_ID, VISIT, CancelledBy.OFFICE, null, after)),
                Arguments.of("RecordContact", new RecordContact(CASE_ID, ContactId.random(), ContactChannel.PHONE, ContactInitiator.FAMILY, null, null,
                        after)),
                Arguments.of("RecordJournalNote", new RecordJournalNote(CASE_ID, NoteId.random(), "a note", after)),
                Arguments.of("CorrectJournalNote", new CorrectJournalNote(CASE_ID, NoteId.random(), NOTE, "corrected", "typo", after)),
                Arguments.of("OfferIntervention", new OfferIntervention(CASE_ID, InterventionId.random(),
                        InterventionType.SERVICE_SUPPORT, true, after)),
                Arguments.of("AcceptIntervention", new AcceptIntervention(CASE_ID, OFFERED, after)),
                Arguments.of("DeclineIntervention", new DeclineIntervention(CASE_ID, OFFERED, null, after)),
                Arguments.of("StartIntervention", new StartIntervention(CASE_ID, ACCEPTED, after)),
                Arguments.of("FollowUpIntervention", new FollowUpIntervention(CASE_ID, RUNNING, "going well", after)),
                Arguments.of("EndIntervention", new EndIntervention(CASE_ID, RUNNING, "goals reached", after)),
                Arguments.of("GiveConsent", new GiveConsent(CASE_ID, ConsentId.random(), PARENT, PartnerType.HEALTHCARE,
                        "Vårdcentralen", "health", LocalDate.of(2025, 12, 1), null, after)),
                Arguments.of("WithdrawConsent", new WithdrawConsent(CASE_ID, CONSENT, after)),
                Arguments.of("DiscloseInformation", new DiscloseInformation(CASE_ID, DisclosureId.random(), PartnerType.SCHOOL,
                        "Vivallaskolan", CONSENT, null, "attendance", after)),
                Arguments.of("CloseCase", new CloseCase(CASE_ID, "closing again", after)));
    }

    private static List<Object> openHistory() {
        Instant grantedAt = Instant.parse("2025-09-20T09:00:00Z");
        return List.of(
                caseOpened(),
                new ReportOfConcernReceived(CASE_ID, REPORT, ReporterType.SCHOOL, "worried", caseOpened().receivedAt(),
                        at("2025-09-01T07:05:00Z")),
                investigationOpened(),
                new VisitBooked(CASE_ID, VISIT, Instant.parse("2025-12-10T09:00:00Z"), VisitPlace.HOME, BEFORE),
                new JournalNoteRecorded(CASE_ID, NOTE, "a note", BEFORE),
                new ConsentGiven(CASE_ID, CONSENT, PARENT, PartnerType.SCHOOL, "Vivallaskolan", "support at school",
                        LocalDate.of(2025, 10, 1), null, BEFORE),
                interventionGranted(OFFERED, InterventionType.FAMILY_TREATMENT, grantedAt),
                new InterventionOffered(CASE_ID, OFFERED, InterventionType.FAMILY_TREATMENT, true, BEFORE),
                interventionGranted(ACCEPTED, InterventionType.CONTACT_PERSON, grantedAt),
                new InterventionOffered(CASE_ID, ACCEPTED, InterventionType.CONTACT_PERSON, true, BEFORE),
                new InterventionAccepted(CASE_ID, ACCEPTED, BEFORE),
                new InterventionOffered(CASE_ID, RUNNING, InterventionType.SERVICE_SUPPORT, true, BEFORE),
                new InterventionAccepted(CASE_ID, RUNNING, BEFORE),
                new InterventionStarted(CASE_ID, RUNNING, BEFORE));
    }
}
