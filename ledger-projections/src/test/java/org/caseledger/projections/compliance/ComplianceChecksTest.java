package org.caseledger.projections.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.JournalNoteRecorded;
import org.caseledger.core.cases.NoteId;
import org.caseledger.core.cases.ProtectionAssessed;
import org.caseledger.core.cases.ReportId;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Role;
import org.caseledger.projections.CaseHistories;
import org.caseledger.projections.caseview.CaseViewFold;
import org.junit.jupiter.api.Test;

class ComplianceChecksTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-04-01");

    @Test
    void aHandcraftedCaseGivesTheKnownAnswerForEveryRule() {
        List<ComplianceCheck> checks = ComplianceChecks.of(CaseViewFold.fold(CaseHistories.familyTreatmentCase()));

        assertThat(status(checks, ComplianceRule.PROTECTION_ASSESSMENT_IN_TIME)).containsExactly("OVERDUE");
        assertThat(status(checks, ComplianceRule.PRELIMINARY_ASSESSMENT_IN_14_DAYS)).containsExactly("MET");
        assertThat(status(checks, ComplianceRule.INVESTIGATION_IN_4_MONTHS)).containsExactly("PENDING");
        assertThat(status(checks, ComplianceRule.CHILD_HEARD)).containsExactly("PENDING");
        assertThat(status(checks, ComplianceRule.DECISION_LAWFUL)).containsExactly("MET", "MET");
        assertThat(status(checks, ComplianceRule.APPEAL_INFORMATION_GIVEN)).containsExactly("MET");
        assertThat(status(checks, ComplianceRule.JOURNAL_WITHOUT_DELAY)).containsExactly("MET", "MET");
        ComplianceCheck investigation = only(checks, ComplianceRule.INVESTIGATION_IN_4_MONTHS);
        assertThat(investigation.referenceDay()).hasToString("2026-03-04");
        assertThat(investigation.dueOn()).hasToString("2026-07-04");
        assertThat(only(checks, ComplianceRule.PROTECTION_ASSESSMENT_IN_TIME).dueOn()).hasToString("2026-03-03");
    }

    @Test
    void aProtectionAssessmentTheDayAfterIsInTimeTwoDaysAfterIsNot() {
        List<CaseEvent> history = new ArrayList<>(CaseHistories.familyTreatmentCase().subList(0, 2));
        ReportId report = ((org.caseledger.core.cases.ReportOfConcernReceived) history.get(1)).reportId();
        List<CaseEvent> nextDay = new ArrayList<>(history);
        nextDay.add(new ProtectionAssessed(CaseHistories.CASE, report, false, "No danger.", CaseHistories.day(1, "anna.lind", Role.SOCIAL_SECRETARY)));
        List<CaseEvent> twoDays = new ArrayList<>(history);
        twoDays.add(new ProtectionAssessed(CaseHistories.CASE, report, false, "No danger.", CaseHistories.day(2, "anna.lind", Role.SOCIAL_SECRETARY)));

        assertThat(status(ComplianceChecks.of(CaseViewFold.fold(nextDay)), ComplianceRule.PROTECTION_ASSESSMENT_IN_TIME)).containsExactly("MET");
        assertThat(status(ComplianceChecks.of(CaseViewFold.fold(twoDays)), ComplianceRule.PROTECTION_ASSESSMENT_IN_TIME)).containsExactly("MISSED");
    }

    @Test
    void aJournalNoteRecordedMoreThanAWeekAfterTheFactIsRecordedWithUndueDelay() {
        List<CaseEvent> history = new ArrayList<>(CaseHistories.familyTreatmentCase().subList(0, 2));
        Envelope onTime = CaseHistories.day(3, "anna.lind", Role.SOCIAL_SECRETARY);
        Envelope late = new Envelope(onTime.actor(), onTime.role(), onTime.unit(), onTime.occurredAt(),
                onTime.occurredAt().plusSeconds(7 * 86_400 + 1), onTime.correlationId(), onTime.causationId(), null);
        history.add(new JournalNoteRecorded(CaseHistories.CASE, NoteId.random(), "Written a week later.", late));

        ComplianceCheck check = only(ComplianceChecks.of(CaseViewFold.fold(history)), ComplianceRule.JOURNAL_WITHOUT_DELAY);
        assertThat(check.met()).isFalse();
        assertThat(check.detail()).isEqualTo("recorded 168 hours after it happened");
    }

    private static List<String> status(List<ComplianceCheck> checks, ComplianceRule rule) {
        return checks.stream().filter(check -> check.rule() == rule).map(check -> check.statusOn(TODAY)).toList();
    }

    private static ComplianceCheck only(List<ComplianceCheck> checks, ComplianceRule rule) {
        return checks.stream().filter(check -> check.rule() == rule).findFirst().orElseThrow();
    }
}
