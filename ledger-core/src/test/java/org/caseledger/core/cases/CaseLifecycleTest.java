package org.caseledger.core.cases;

import static org.caseledger.core.cases.CaseFixtures.CASE_ID;
import static org.caseledger.core.cases.CaseFixtures.CASE_NUMBER;
import static org.caseledger.core.cases.CaseFixtures.CHILD;
import static org.caseledger.core.cases.CaseFixtures.HOUSEHOLD;
import static org.caseledger.core.cases.CaseFixtures.OPENED_AT;
import static org.caseledger.core.cases.CaseFixtures.caseFixture;
import static org.caseledger.core.cases.CaseFixtures.caseOpened;
import static org.caseledger.core.shared.LedgerRuleMatchers.violates;
import static org.caseledger.core.shared.TestEnvelopes.at;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.TestEnvelopes;
import org.caseledger.core.shared.UnitId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opening a case, reports of concern and protection assessments, assignment and transfer, hearing the child. */
class CaseLifecycleTest {

    private static final ReportId REPORT = ReportId.of("b0000000-0000-4000-8000-000000000001");
    private static final Instant REPORT_RECEIVED_AT = Instant.parse("2025-09-01T06:45:00Z");
    private static final UnitId CENTRAL_RECEPTION = UnitId.of("central-reception");
    private static final StaffId OTHER_CASE_WORKER = StaffId.of("karin.holm");

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = caseFixture();
    }

    @Test
    void openingACaseRecordsItForTheChildAndHousehold() {
        Envelope envelope = at(OPENED_AT);

        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE_ID, CASE_NUMBER, TestEnvelopes.UNIT, CaseOrigin.REPORT_OF_CONCERN, CHILD, HOUSEHOLD,
                        REPORT_RECEIVED_AT, envelope))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseOpened(CASE_ID, CASE_NUMBER, TestEnvelopes.UNIT, CaseOrigin.REPORT_OF_CONCERN, CHILD,
                        HOUSEHOLD, REPORT_RECEIVED_AT, envelope));
    }

    @Test
    void receivingAReportOfConcernRecordsIt() {
        Envelope envelope = at("2025-09-01T07:05:00Z");

        fixture.given(caseOpened())
                .when(new ReceiveReportOfConcern(CASE_ID, REPORT, ReporterType.SCHOOL, "the child says it is afraid at home",
                        REPORT_RECEIVED_AT, envelope))
                .expectEvents(new ReportOfConcernReceived(CASE_ID, REPORT, ReporterType.SCHOOL,
                        "the child says it is afraid at home", REPORT_RECEIVED_AT, envelope));
    }

    @Test
    void aReportIdCanBeUsedOnlyOnce() {
        fixture.given(caseOpened(), reportReceived())
                .when(new ReceiveReportOfConcern(CASE_ID, REPORT, ReporterType.POLICE, "another report", REPORT_RECEIVED_AT,
                        at("2025-09-02T07:00:00Z")))
                .expectException(violates(LedgerRule.DUPLICATE_ID))
                .expectNoEvents();
    }

    @Test
    void assessingProtectionForAReportRecordsTheAssessment() {
        Envelope envelope = at("2025-09-01T09:00:00Z");

        fixture.given(caseOpened(), reportReceived())
                .when(new AssessProtection(CASE_ID, REPORT, false, "no immediate danger", envelope))
                .expectEvents(new ProtectionAssessed(CASE_ID, REPORT, false, "no immediate danger", envelope));
    }

    @Test
    void assessingProtectionForAReportNotInTheCaseIsRejected() {
        fixture.given(caseOpened(), reportReceived())
                .when(new AssessProtection(CASE_ID, ReportId.of("b0000000-0000-4000-8000-000000000099"), true, "danger",
                        at("2025-09-01T09:00:00Z")))
                .expectException(violates(LedgerRule.REPORT_UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void assessingProtectionTwiceForTheSameReportIsRejected() {
        fixture.given(caseOpened(), reportReceived(),
                        new ProtectionAssessed(CASE_ID, REPORT, false, "no immediate danger", at("2025-09-01T09:00:00Z")))
                .when(new AssessProtection(CASE_ID, REPORT, true, "on second thought", at("2025-09-01T10:00:00Z")))
                .expectException(violates(LedgerRule.PROTECTION_ALREADY_ASSESSED))
                .expectNoEvents();
    }

    @Test
    void theFirstAssignmentHasNoPreviousAssignee() {
        Envelope envelope = at("2025-09-01T08:00:00Z");

        fixture.given(caseOpened())
                .when(new AssignCase(CASE_ID, TestEnvelopes.SOCIAL_SECRETARY, envelope))
                .expectEvents(new CaseAssigned(CASE_ID, TestEnvelopes.SOCIAL_SECRETARY, null, envelope));
    }

    @Test
    void reassigningNamesThePreviousAssignee() {
        Envelope envelope = at("2025-09-10T08:00:00Z");

        fixture.given(caseOpened(), assignedTo(TestEnvelopes.SOCIAL_SECRETARY))
                .when(new AssignCase(CASE_ID, OTHER_CASE_WORKER, envelope))
                .expectEvents(new CaseAssigned(CASE_ID, OTHER_CASE_WORKER, TestEnvelopes.SOCIAL_SECRETARY, envelope));
    }

    @Test
    void assigningToTheCurrentAssigneeIsRejected() {
        fixture.given(caseOpened(), assignedTo(TestEnvelopes.SOCIAL_SECRETARY))
                .when(new AssignCase(CASE_ID, TestEnvelopes.SOCIAL_SECRETARY, at("2025-09-10T08:00:00Z")))
                .expectException(violates(LedgerRule.ALREADY_ASSIGNED))
                .expectNoEvents();
    }

    @Test
    void transferringNamesTheUnitTheCaseLeaves() {
        Envelope envelope = at("2025-09-02T08:00:00Z");

        fixture.given(caseOpened())
                .when(new TransferCase(CASE_ID, CENTRAL_RECEPTION, "acute case", envelope))
                .expectEvents(new CaseTransferred(CASE_ID, TestEnvelopes.UNIT, CENTRAL_RECEPTION, "acute case", envelope));
    }

    @Test
    void transferringToTheUnitTheCaseAlreadyBelongsToIsRejected() {
        fixture.given(caseOpened())
                .when(new TransferCase(CASE_ID, TestEnvelopes.UNIT, "no move", at("2025-09-02T08:00:00Z")))
                .expectException(violates(LedgerRule.TRANSFER_TO_SAME_UNIT))
                .expectNoEvents();
    }

    @Test
    void afterATransferTheNewUnitIsTheCurrentOne() {
        CaseTransferred transferred = new CaseTransferred(CASE_ID, TestEnvelopes.UNIT, CENTRAL_RECEPTION, "acute case",
                at("2025-09-02T08:00:00Z"));

        fixture.given(caseOpened(), transferred)
                .when(new TransferCase(CASE_ID, CENTRAL_RECEPTION, "no move", at("2025-09-03T08:00:00Z")))
                .expectException(violates(LedgerRule.TRANSFER_TO_SAME_UNIT))
                .expectNoEvents();
    }

    @Test
    void aTransferEndsTheAssignmentSoTheReceivingUnitAssignsAnew() {
        Envelope envelope = at("2025-09-03T08:00:00Z");
        CaseTransferred transferred = new CaseTransferred(CASE_ID, TestEnvelopes.UNIT, CENTRAL_RECEPTION, "acute case",
                at("2025-09-02T08:00:00Z"));

        fixture.given(caseOpened(), assignedTo(TestEnvelopes.SOCIAL_SECRETARY), transferred)
                .when(new AssignCase(CASE_ID, TestEnvelopes.SOCIAL_SECRETARY, envelope))
                .expectEvents(new CaseAssigned(CASE_ID, TestEnvelopes.SOCIAL_SECRETARY, null, envelope));
    }

    @Test
    void aCaseCanBeTransferredBackToTheUnitItCameFrom() {
        Envelope envelope = at("2025-09-20T08:00:00Z");
        CaseTransferred transferred = new CaseTransferred(CASE_ID, TestEnvelopes.UNIT, CENTRAL_RECEPTION, "acute case",
                at("2025-09-02T08:00:00Z"));

        fixture.given(caseOpened(), transferred)
                .when(new TransferCase(CASE_ID, TestEnvelopes.UNIT, "acute phase over", envelope))
                .expectEvents(new CaseTransferred(CASE_ID, CENTRAL_RECEPTION, TestEnvelopes.UNIT, "acute phase over", envelope));
    }

    @Test
    void hearingTheChildIsRecorded() {
        Envelope envelope = at("2025-09-15T13:00:00Z");

        fixture.given(caseOpened())
                .when(new RecordChildHeard(CASE_ID, "talked at school with a teacher present", envelope))
                .expectEvents(new ChildHeard(CASE_ID, "talked at school with a teacher present", envelope));
    }

    @Test
    void theReasonTheChildWasNotHeardIsRecorded() {
        Envelope envelope = at("2025-09-15T13:00:00Z");

        fixture.given(caseOpened())
                .when(new RecordChildNotHeard(CASE_ID, "the child is three months old", envelope))
                .expectEvents(new ChildNotHeardReasonRecorded(CASE_ID, "the child is three months old", envelope));
    }

    @Test
    void closingACaseRecordsTheReason() {
        Envelope envelope = at("2025-12-01T10:00:00Z");

        fixture.given(caseOpened())
                .when(new CloseCase(CASE_ID, "the family moved", envelope))
                .expectEvents(new CaseClosed(CASE_ID, "the family moved", envelope));
    }

    private static ReportOfConcernReceived reportReceived() {
        return new ReportOfConcernReceived(CASE_ID, REPORT, ReporterType.SCHOOL, "the child says it is afraid at home",
                REPORT_RECEIVED_AT, at("2025-09-01T07:05:00Z"));
    }

    private static CaseAssigned assignedTo(StaffId assignee) {
        return new CaseAssigned(CASE_ID, assignee, null, at("2025-09-01T08:00:00Z"));
    }
}
