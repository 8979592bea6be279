package org.caseledger.projections.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseledger.projections.CaseStory.VIVALLA;
import static org.caseledger.projections.CaseStory.doNotOpenInvestigation;
import static org.caseledger.projections.CaseStory.extendAssessment;
import static org.caseledger.projections.CaseStory.on;
import static org.caseledger.projections.CaseStory.opened;
import static org.caseledger.projections.CaseStory.recorded;
import static org.caseledger.projections.CaseStory.report;

import java.util.List;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.DecisionId;
import org.caseledger.core.cases.ReportId;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.caseview.CaseViewFold;
import org.junit.jupiter.api.Test;

/** The fourteen days of the preliminary assessment, moved by an extension for special reasons decided within them. */
class PreliminaryAssessmentDeadlineTest {

    private static final ReportId REPORT = ReportId.of("e0000000-0000-4000-8000-00000000000a");
    private static final DecisionId EXTENSION = DecisionId.of("d0000000-0000-4000-8000-00000000000b");

    @Test
    void givenNoExtensionWhenTheDecisionComesOnTheTwentiethDayThenTheAssessmentIsMissed() {
        ComplianceCheck check = assessment(recorded(opened(VIVALLA, "2026-03-02"), report(REPORT, on("2026-03-02")),
                doNotOpenInvestigation(DecisionId.random(), on("2026-03-22"))));

        assertThat(check.dueOn()).hasToString("2026-03-16");
        assertThat(check.met()).isFalse();
    }

    @Test
    void givenAnExtensionDecidedWithinTheFourteenDaysWhenTheDecisionComesByTheNewDayThenTheAssessmentIsMetAndNamesTheExtension() {
        List<CaseEvent> history = recorded(opened(VIVALLA, "2026-03-02"), report(REPORT, on("2026-03-02")),
                extendAssessment(EXTENSION, "2026-03-27", on("2026-03-12")), doNotOpenInvestigation(DecisionId.random(), on("2026-03-22")));

        ComplianceCheck check = assessment(history);

        assertThat(check.dueOn()).hasToString("2026-03-27");
        assertThat(check.met()).isTrue();
        assertThat(check.detail()).contains("extended to 2026-03-27 for special reasons by decision " + EXTENSION);
        CaseView.Report report = CaseViewFold.fold(history).reports.get(0);
        assertThat(report.assessmentExtendedBy).containsExactly(EXTENSION.toString());
    }

    @Test
    void givenAnExtensionDecidedAfterTheFourteenDaysWhenTheDecisionComesByItsDayThenTheAssessmentIsStillMissed() {
        ComplianceCheck check = assessment(recorded(opened(VIVALLA, "2026-03-02"), report(REPORT, on("2026-03-02")),
                extendAssessment(EXTENSION, "2026-03-27", on("2026-03-18")), doNotOpenInvestigation(DecisionId.random(), on("2026-03-22"))));

        assertThat(check.dueOn()).hasToString("2026-03-16");
        assertThat(check.met()).isFalse();
        assertThat(check.detail()).contains("1 extension(s) decided after the deadline do not count");
    }

    private static ComplianceCheck assessment(List<CaseEvent> history) {
        return ComplianceChecks.of(CaseViewFold.fold(history)).stream()
                .filter(check -> check.rule() == ComplianceRule.PRELIMINARY_ASSESSMENT_IN_14_DAYS).findFirst().orElseThrow();
    }
}
