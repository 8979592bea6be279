package org.caseledger.projections.compliance;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.projections.caseview.CaseView;

/**
 * The checks of every rule for one case, computed from its view alone (so they are rebuilt with it and are the
 * same live, rebuilt or as of any moment). Definitions in docs/metrics.md.
 */
public final class ComplianceChecks {

    /** A journal entry recorded more than this long after what it describes is recorded with undue delay. */
    public static final Duration JOURNAL_DELAY_LIMIT = Duration.ofDays(7);
    static final int PROTECTION_DAYS = 1;
    static final int PRELIMINARY_DAYS = 14;

    private ComplianceChecks() {
    }

    public static List<ComplianceCheck> of(CaseView view) {
        List<ComplianceCheck> checks = new ArrayList<>();
        for (CaseView.Report report : view.reports) {
            LocalDate received = LedgerTime.dayOf(report.receivedAt);
            LocalDate assessed = report.protectionAssessedAt == null ? null : LedgerTime.dayOf(report.protectionAssessedAt);
            checks.add(deadline(ComplianceRule.PROTECTION_ASSESSMENT_IN_TIME, report.unit, report.id, received, received.plusDays(PROTECTION_DAYS),
                    assessed, "report received " + received + "; protection assessed " + (assessed == null ? "not yet" : assessed)));
            if (!report.duringOpenInvestigation) {
                checks.add(deadline(ComplianceRule.PRELIMINARY_ASSESSMENT_IN_14_DAYS, report.unit, report.id, received,
                        received.plusDays(PRELIMINARY_DAYS), report.preliminaryDecisionOn, "report received " + received + "; "
                        + (report.preliminaryDecision == null ? "no decision whether to investigate yet"
                        : report.preliminaryDecision.toLowerCase().replace('_', ' ') + " decided " + report.preliminaryDecisionOn)));
            }
        }
        for (CaseView.Investigation investigation : view.investigations) {
            checks.add(deadline(ComplianceRule.INVESTIGATION_IN_4_MONTHS, investigation.unit, investigation.openedBy, investigation.openedOn,
                    investigation.statutoryDeadline, investigation.closedOn, "opened " + investigation.openedOn + ", deadline "
                    + investigation.statutoryDeadline + (investigation.lateExtensions > 0
                    ? " (" + investigation.lateExtensions + " extension(s) decided after the deadline do not count)" : "")
                    + (investigation.closedOn == null ? "" : ", closed " + investigation.closedOn)));
            checks.add(childHeard(investigation));
        }
        for (CaseView.Decision decision : view.decisions) {
            checks.add(new ComplianceCheck(ComplianceRule.DECISION_LAWFUL, decision.unit, decision.id, decision.decisionDate, null, decision.decisionDate,
                    decision.delegationRule != null && decision.legalBasis != null, decision.kind.toLowerCase().replace('_', ' ')
                    + " by " + decision.decidedInRole + " under " + decision.delegationRule + " citing " + decision.legalBasis));
            if (decision.appealable) {
                checks.add(new ComplianceCheck(ComplianceRule.APPEAL_INFORMATION_GIVEN, decision.unit, decision.id, decision.decisionDate, null,
                        decision.appealInformationGiven ? decision.decisionDate : null, decision.appealInformationGiven,
                        decision.kind.toLowerCase().replace('_', ' ') + (decision.appealInformationGiven
                        ? ": appeal information given" : ": no appeal information given")));
            }
        }
        for (CaseView.Disclosure disclosure : view.disclosures) {
            LocalDate day = LedgerTime.dayOf(disclosure.occurredAt);
            checks.add(new ComplianceCheck(ComplianceRule.DISCLOSURE_WITH_VALID_BASIS, disclosure.unit, disclosure.id, day, null, day,
                    disclosure.consent != null || disclosure.provision != null, "to " + disclosure.partnerName + " "
                    + (disclosure.consent != null ? "with consent " + disclosure.consent : "under " + disclosure.provision)));
        }
        for (CaseView.Note note : view.notes) {
            Duration delay = Duration.between(note.occurredAt, note.recordedAt);
            checks.add(new ComplianceCheck(ComplianceRule.JOURNAL_WITHOUT_DELAY, note.unit, note.id, LedgerTime.dayOf(note.occurredAt), null,
                    LedgerTime.dayOf(note.recordedAt), delay.compareTo(JOURNAL_DELAY_LIMIT) <= 0,
                    "recorded " + delay.toHours() + " hours after it happened"));
        }
        return checks.stream().map(check -> settledByClosure(check, view)).toList();
    }

    private static ComplianceCheck childHeard(CaseView.Investigation investigation) {
        boolean accounted = investigation.childHeardOn != null || investigation.childNotHeardReason != null;
        Boolean met = accounted ? Boolean.TRUE : investigation.closedOn != null ? Boolean.FALSE : null;
        String detail = investigation.childHeardOn != null ? "child heard " + investigation.childHeardOn
                : investigation.childNotHeardReason != null ? "not heard: " + investigation.childNotHeardReason
                : "child not heard" + (investigation.closedOn == null ? " yet" : " and no reason recorded");
        return new ComplianceCheck(ComplianceRule.CHILD_HEARD, investigation.unit, investigation.openedBy, investigation.openedOn,
                investigation.closedOn != null ? investigation.closedOn : investigation.statutoryDeadline, investigation.childHeardOn,
                met, detail);
    }

    private static ComplianceCheck deadline(ComplianceRule rule, String unit, String subject, LocalDate reference, LocalDate due,
                                            LocalDate metOn, String detail) {
        Boolean met = metOn != null ? Boolean.valueOf(!metOn.isAfter(due)) : null;
        return new ComplianceCheck(rule, unit, subject, reference, due, metOn, met, detail);
    }

    /**
     * A closed case takes no new facts, so what it had not done when it closed is settled as missed then, instead
     * of turning overdue months later with nothing happening.
     */
    private static ComplianceCheck settledByClosure(ComplianceCheck check, CaseView view) {
        if (check.met() != null || view.closure == null) {
            return check;
        }
        return new ComplianceCheck(check.rule(), check.unit(), check.subject(), check.referenceDay(), check.dueOn(), null, Boolean.FALSE,
                check.detail() + "; the case was closed " + LedgerTime.dayOf(view.closure.closedAt) + " before it was met");
    }
}
