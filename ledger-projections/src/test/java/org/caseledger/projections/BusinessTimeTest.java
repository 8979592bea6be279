package org.caseledger.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseledger.projections.CaseStory.CENTRAL;
import static org.caseledger.projections.CaseStory.VIVALLA;
import static org.caseledger.projections.CaseStory.assessed;
import static org.caseledger.projections.CaseStory.assigned;
import static org.caseledger.projections.CaseStory.accepted;
import static org.caseledger.projections.CaseStory.childHeard;
import static org.caseledger.projections.CaseStory.closeInvestigation;
import static org.caseledger.projections.CaseStory.closed;
import static org.caseledger.projections.CaseStory.doNotOpenInvestigation;
import static org.caseledger.projections.CaseStory.note;
import static org.caseledger.projections.CaseStory.offered;
import static org.caseledger.projections.CaseStory.on;
import static org.caseledger.projections.CaseStory.openInvestigation;
import static org.caseledger.projections.CaseStory.opened;
import static org.caseledger.projections.CaseStory.recorded;
import static org.caseledger.projections.CaseStory.report;
import static org.caseledger.projections.CaseStory.started;
import static org.caseledger.projections.CaseStory.transferred;
import static org.caseledger.projections.CaseStory.visitBooked;
import static org.caseledger.projections.CaseStory.visitHeld;
import static org.caseledger.projections.CaseStory.when;

import java.time.LocalDate;
import java.util.List;
import org.caseledger.core.cases.DecisionId;
import org.caseledger.core.cases.InterventionId;
import org.caseledger.core.cases.NoteId;
import org.caseledger.core.cases.ReportId;
import org.caseledger.core.cases.VisitId;
import org.caseledger.projections.compliance.ComplianceCheck;
import org.caseledger.projections.compliance.ComplianceRule;
import org.caseledger.projections.metrics.Metric;
import org.junit.jupiter.api.Test;

/**
 * The read models follow what happened, not the order it was recorded in (issue 24, D1 to D5 and A1): each test gives
 * a case's events in the order the ledger recorded them, some of them late, and states what the read models hold.
 */
class BusinessTimeTest {

    private final ReportId report = ReportId.random();
    private final DecisionId opening = DecisionId.random();
    private final VisitId visit = VisitId.random();
    private final NoteId note = NoteId.random();

    @Test
    void factsThatHappenedBeforeATransferButWereRecordedAfterItCountForTheUnitThatHadTheCase() {
        DecisionId notOpened = DecisionId.random();
        Projected projected = Projected.of(recorded(
                opened(VIVALLA, "2025-10-01"),
                visitBooked(visit, "2025-10-18", on("2025-10-10")),
                transferred(VIVALLA, CENTRAL, on("2025-10-20")),
                visitHeld(visit, when("2025-10-18", "2025-10-22")),
                report(report, when("2025-10-17", "2025-10-22")),
                doNotOpenInvestigation(notOpened, when("2025-10-19", "2025-10-22")),
                note(note, when("2025-10-18", "2025-10-22"))));

        assertThat(facts(projected)).containsExactlyInAnyOrder(
                "VISITS_BOOKED vivalla 2025-10-10", "VISITS_HELD vivalla 2025-10-18", "REPORTS_OF_CONCERN vivalla 2025-10-17");
        assertThat(checks(projected, LocalDate.parse("2025-10-25"))).containsExactlyInAnyOrder(
                "PROTECTION_ASSESSMENT_IN_TIME central-reception OVERDUE",
                "PRELIMINARY_ASSESSMENT_IN_14_DAYS vivalla MET",
                "DECISION_LAWFUL vivalla MET",
                "JOURNAL_WITHOUT_DELAY vivalla MET");
        assertThat(projected.view().unit).isEqualTo(CENTRAL);
    }

    @Test
    void aTransferRecordedLateMovesTheFactsThatHappenedAfterIt() {
        Projected projected = Projected.of(recorded(
                opened(VIVALLA, "2025-10-01"),
                visitBooked(visit, "2025-10-18", on("2025-10-10")),
                note(note, on("2025-10-17")),
                visitHeld(visit, when("2025-10-18", "2025-10-19")),
                transferred(VIVALLA, CENTRAL, when("2025-10-15", "2025-10-25"))));

        assertThat(facts(projected)).containsExactlyInAnyOrder("VISITS_BOOKED vivalla 2025-10-10", "VISITS_HELD central-reception 2025-10-18");
        assertThat(checks(projected, LocalDate.parse("2025-10-25"))).containsExactly("JOURNAL_WITHOUT_DELAY central-reception MET");
    }

    @Test
    void theDaysToSupportRunToTheFirstStartThatHappenedNotTheFirstRecorded() {
        InterventionId first = InterventionId.random();
        InterventionId second = InterventionId.random();
        Projected projected = Projected.of(recorded(
                opened(VIVALLA, "2025-06-01"),
                offered(first, on("2025-06-20")),
                accepted(first, on("2025-06-25")),
                offered(second, on("2025-07-20")),
                accepted(second, on("2025-07-21")),
                started(second, on("2025-08-10")),
                started(first, when("2025-07-01", "2025-08-15"))));

        assertThat(projected.facts()).filteredOn(fact -> fact.metric() == Metric.DAYS_FROM_FIRST_CONTACT_TO_SUPPORT)
                .extracting(fact -> fact.day() + " " + fact.value().intValueExact()).containsExactly("2025-07-01 30");
    }

    @Test
    void aChildHeardBeforeTheLateRecordedDecisionThatOpenedTheInvestigationMeetsTheCheck() {
        Projected projected = Projected.of(recorded(
                opened(VIVALLA, "2025-03-01"),
                childHeard(on("2025-03-10")),
                openInvestigation(opening, when("2025-03-05", "2025-03-12"))));

        ComplianceCheck heard = only(projected.checks(), ComplianceRule.CHILD_HEARD);
        assertThat(heard.statusOn(LocalDate.parse("2025-03-20"))).isEqualTo("MET");
        assertThat(heard.metOn()).hasToString("2025-03-10");
        assertThat(projected.view().childHeard).isTrue();
        assertThat(projected.view().currentInvestigation().childHeardOn).hasToString("2025-03-10");
    }

    @Test
    void aReportReceivedDuringAnInvestigationButRecordedAfterItClosedNeedsNoPreliminaryAssessment() {
        Projected projected = Projected.of(recorded(
                opened(VIVALLA, "2025-03-01"),
                openInvestigation(opening, on("2025-03-03")),
                closeInvestigation(DecisionId.random(), on("2025-04-01")),
                report(report, when("2025-03-15", "2025-04-05"))));

        assertThat(projected.view().reports.get(0).duringOpenInvestigation).isTrue();
        assertThat(projected.checks()).filteredOn(check -> check.subject().equals(report.toString()))
                .extracting(check -> check.rule().name()).containsExactly("PROTECTION_ASSESSMENT_IN_TIME");
    }

    @Test
    void aTransferHandsItsOpenDeadlinesAndItsAssignmentToTheReceivingUnit() {
        Projected projected = Projected.of(recorded(
                opened(VIVALLA, "2025-10-01"),
                report(report, on("2025-10-01")),
                assessed(report, on("2025-10-01")),
                assigned("anna.lind", on("2025-10-01")),
                transferred(VIVALLA, CENTRAL, on("2025-10-05"))));

        assertThat(checks(projected, LocalDate.parse("2025-10-20"))).containsExactlyInAnyOrder(
                "PROTECTION_ASSESSMENT_IN_TIME vivalla MET",
                "PRELIMINARY_ASSESSMENT_IN_14_DAYS central-reception OVERDUE");
        assertThat(projected.view().unit).isEqualTo(CENTRAL);
        assertThat(projected.view().assignee).as("the old unit's worker may no longer read the case").isNull();
    }

    @Test
    void anInvestigationEndedByClosingTheCaseIsMissedNotCompleted() {
        Projected projected = Projected.of(recorded(
                opened(VIVALLA, "2025-03-01"),
                openInvestigation(opening, on("2025-03-03")),
                childHeard(on("2025-03-10")),
                closed(on("2025-04-01"))));

        ComplianceCheck investigation = only(projected.checks(), ComplianceRule.INVESTIGATION_IN_4_MONTHS);
        assertThat(investigation.met()).isFalse();
        assertThat(investigation.metOn()).isNull();
        assertThat(investigation.detail()).contains("ended with the case on 2025-04-01 without a decision concluding it");
        assertThat(only(projected.checks(), ComplianceRule.CHILD_HEARD).met()).isTrue();
    }

    private static List<String> facts(Projected projected) {
        return projected.facts().stream().map(fact -> fact.metric() + " " + fact.unit() + " " + fact.day()).toList();
    }

    private static List<String> checks(Projected projected, LocalDate today) {
        return projected.checks().stream().map(check -> check.rule() + " " + check.unit() + " " + check.statusOn(today)).toList();
    }

    private static ComplianceCheck only(List<ComplianceCheck> checks, ComplianceRule rule) {
        List<ComplianceCheck> of = checks.stream().filter(check -> check.rule() == rule).toList();
        assertThat(of).as(rule.name()).hasSize(1);
        return of.get(0);
    }
}
