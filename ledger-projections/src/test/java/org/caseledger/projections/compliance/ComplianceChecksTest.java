package org.caseledger.projections.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseTransferred;
import org.caseledger.core.cases.ChildHeard;
import org.caseledger.core.cases.DecisionId;
import org.caseledger.core.cases.DecisionMade;
import org.caseledger.core.cases.DisclosureId;
import org.caseledger.core.cases.InformationDisclosed;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.law.DelegationRuleId;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
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

        assertThat(status(checks, ComplianceRule.PROTECTION_ASSESSMENT_IN_TIME)).as("never assessed, settled when the case closed")
                .containsExactly("MISSED");
        assertThat(status(checks, ComplianceRule.PRELIMINARY_ASSESSMENT_IN_14_DAYS)).containsExactly("MET");
        assertThat(status(checks, ComplianceRule.INVESTIGATION_IN_4_MONTHS)).as("ended with the case, never concluded by a decision")
                .containsExactly("MISSED");
        assertThat(status(checks, ComplianceRule.CHILD_HEARD)).containsExactly("MISSED");
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

    @Test
    void whileTheCaseIsOpenUnmetChecksArePendingOrOverdueAndFollowTheCaseWhileSettledOnesStayWithTheUnitOfTheirTime() {
        List<CaseEvent> open = CaseHistories.familyTreatmentCase().subList(0, 11);
        List<ComplianceCheck> checks = ComplianceChecks.of(CaseViewFold.fold(open));

        assertThat(status(checks, ComplianceRule.PROTECTION_ASSESSMENT_IN_TIME)).containsExactly("OVERDUE");
        assertThat(status(checks, ComplianceRule.INVESTIGATION_IN_4_MONTHS)).containsExactly("PENDING");
        assertThat(status(checks, ComplianceRule.CHILD_HEARD)).containsExactly("PENDING");

        List<CaseEvent> transferred = new ArrayList<>(open);
        transferred.add(new CaseTransferred(CaseHistories.CASE, UnitId.of("vivalla"), UnitId.of("central-reception"), "Moved.",
                CaseHistories.day(40, "anna.lind", Role.SOCIAL_SECRETARY)));
        assertThat(ComplianceChecks.of(CaseViewFold.fold(transferred))).filteredOn(check -> check.met() == null)
                .extracting(ComplianceCheck::unit).containsOnly("central-reception").hasSize(3);
        assertThat(ComplianceChecks.of(CaseViewFold.fold(transferred))).filteredOn(check -> check.met() != null)
                .extracting(ComplianceCheck::unit).containsOnly("vivalla").isNotEmpty();
    }

    @Test
    void aChildHeardDuringTheInvestigationCountsEvenWhenRecordedAfterItClosed() {
        List<CaseEvent> history = new ArrayList<>(CaseHistories.familyTreatmentCase().subList(0, 3));
        history.add(new DecisionMade(CaseHistories.CASE, DecisionId.random(), DecisionKind.CLOSE_INVESTIGATION,
                LegalBasisId.of("SFS2025:400-20kap1"), DelegationRuleId.of("DO-1.4"), StaffId.of("anna.lind"), Role.SOCIAL_SECRETARY,
                LocalDate.parse("2026-03-22"), "Done.", false, false, null, null, null, CaseHistories.day(20, "anna.lind", Role.SOCIAL_SECRETARY)));
        Envelope heardOn21st = CaseHistories.day(19, "anna.lind", Role.SOCIAL_SECRETARY);
        history.add(new ChildHeard(CaseHistories.CASE, "Talked at school.", new Envelope(heardOn21st.actor(), heardOn21st.role(),
                heardOn21st.unit(), heardOn21st.occurredAt(), heardOn21st.occurredAt().plusSeconds(3 * 86_400), "c", "d", null)));

        assertThat(status(ComplianceChecks.of(CaseViewFold.fold(history)), ComplianceRule.CHILD_HEARD)).containsExactly("MET");
    }

    @Test
    void aDisclosureRestsOnItsRecordedBasisAndCountsOnTheDayItWasMade() {
        List<CaseEvent> history = new ArrayList<>(CaseHistories.familyTreatmentCase().subList(0, 2));
        history.add(new InformationDisclosed(CaseHistories.CASE, DisclosureId.random(), PartnerType.POLICE, "Polisen i Örebro", null,
                LegalBasisId.of("SFS2009:400-10kap28"), "Requested under the duty to report.",
                CaseHistories.day(5, "anna.lind", Role.SOCIAL_SECRETARY)));

        ComplianceCheck check = only(ComplianceChecks.of(CaseViewFold.fold(history)), ComplianceRule.DISCLOSURE_WITH_VALID_BASIS);
        assertThat(check.statusOn(TODAY)).isEqualTo("MET");
        assertThat(check.referenceDay()).hasToString("2026-03-07");
        assertThat(check.detail()).isEqualTo("to Polisen i Örebro under SFS2009:400-10kap28");
    }

    private static List<String> status(List<ComplianceCheck> checks, ComplianceRule rule) {
        return checks.stream().filter(check -> check.rule() == rule).map(check -> check.statusOn(TODAY)).toList();
    }

    private static ComplianceCheck only(List<ComplianceCheck> checks, ComplianceRule rule) {
        return checks.stream().filter(check -> check.rule() == rule).findFirst().orElseThrow();
    }
}
