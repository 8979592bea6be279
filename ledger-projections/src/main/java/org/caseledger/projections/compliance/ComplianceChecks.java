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

    private ComplianceChecks() {
    }

    public static List<ComplianceCheck> of(CaseView view) {
        List<Draft> checks = new ArrayList<>();
        for (CaseView.Report report : view.reports) {
            LocalDate received = LedgerTime.dayOf(report.receivedAt);
            LocalDate assessed = report.protectionAssessedAt == null ? null : LedgerTime.dayOf(report.protectionAssessedAt);
            checks.add(deadline(ComplianceRule.PROTECTION_ASSESSMENT_IN_TIME, report.id, received, received.plusDays(PROTECTION_DAYS),
                    assessed, "report received " + received + "; protection assessed " + (assessed == null ? "not yet" : assessed)));
            if (!report.duringOpenInvestigation) {
                checks.add(deadline(ComplianceRule.PRELIMINARY_ASSESSMENT_IN_14_DAYS, report.id, received,
                        report.assessmentDeadline, report.preliminaryDecisionOn, "report received " + received + "; "
                        + assessmentExtensions(report)
                        + (report.preliminaryDecision == null ? "no decision whether to investigate yet"
                        : report.preliminaryDecision.toLowerCase().replace('_', ' ') + " decided " + report.preliminaryDecisionOn)));
            }
        }
        for (CaseView.Investigation investigation : view.investigations) {
            checks.add(investigationInTime(investigation));
            checks.add(childHeard(investigation));
        }
        for (CaseView.Decision decision : view.decisions) {
            checks.add(done(ComplianceRule.DECISION_LAWFUL, decision.unit, decision.id, decision.decisionDate, decision.decisionDate,
                    decision.delegationRule != null && decision.legalBasis != null, decision.kind.toLowerCase().replace('_', ' ')
                    + " by " + decision.decidedInRole + " under " + decision.delegationRule + " citing " + decision.legalBasis));
            if (decision.appealable) {
                checks.add(done(ComplianceRule.APPEAL_INFORMATION_GIVEN, decision.unit, decision.id, decision.decisionDate,
                        decision.appealInformationGiven ? decision.decisionDate : null, decision.appealInformationGiven,
                        decision.kind.toLowerCase().replace('_', ' ') + (decision.appealInformationGiven
                        ? ": appeal information given" : ": no appeal information given")));
            }
        }
        for (CaseView.Disclosure disclosure : view.disclosures) {
            LocalDate day = LedgerTime.dayOf(disclosure.occurredAt);
            checks.add(done(ComplianceRule.DISCLOSURE_WITH_VALID_BASIS, disclosure.unit, disclosure.id, day, day,
                    disclosure.consent != null || disclosure.provision != null, "to " + disclosure.partnerName + " "
                    + (disclosure.consent != null ? "with consent " + disclosure.consent : "under " + disclosure.provision)));
        }
        for (CaseView.Note note : view.notes) {
            Duration delay = Duration.between(note.occurredAt, note.recordedAt);
            checks.add(done(ComplianceRule.JOURNAL_WITHOUT_DELAY, note.unit, note.id, LedgerTime.dayOf(note.occurredAt),
                    LedgerTime.dayOf(note.recordedAt), delay.compareTo(JOURNAL_DELAY_LIMIT) <= 0,
                    "recorded " + delay.toHours() + " hours after it happened"));
        }
        return checks.stream().map(check -> check.settledByClosure(view).placed(view)).toList();
    }

    /** The extensions that moved the deadline, by their decisions (whose rationale is the reason), and those that came late. */
    private static String assessmentExtensions(CaseView.Report report) {
        String extended = report.assessmentExtendedBy.isEmpty() ? ""
                : "extended to " + report.assessmentDeadline + " for special reasons by decision " + String.join(", ", report.assessmentExtendedBy) + "; ";
        return extended + (report.lateAssessmentExtensions > 0
                ? report.lateAssessmentExtensions + " extension(s) decided after the deadline do not count; " : "");
    }

    /**
     * Met when closed by a decision on or before the statutory deadline. An investigation that ended with the case was
     * never concluded: missed, whenever the case closed.
     */
    private static Draft investigationInTime(CaseView.Investigation investigation) {
        String detail = "opened " + investigation.openedOn + ", deadline " + investigation.statutoryDeadline
                + (investigation.lateExtensions > 0
                ? " (" + investigation.lateExtensions + " extension(s) decided after the deadline do not count)" : "");
        if (investigation.closedOn != null && investigation.closedBy == null) {
            return new Draft(ComplianceRule.INVESTIGATION_IN_4_MONTHS, investigation.openedBy, investigation.openedOn,
                    investigation.statutoryDeadline, null, Boolean.FALSE, investigation.closedOn, null,
                    detail + ", ended with the case on " + investigation.closedOn + " without a decision concluding it");
        }
        return deadline(ComplianceRule.INVESTIGATION_IN_4_MONTHS, investigation.openedBy, investigation.openedOn,
                investigation.statutoryDeadline, investigation.closedOn,
                detail + (investigation.closedOn == null ? "" : ", closed " + investigation.closedOn));
    }

    private static Draft childHeard(CaseView.Investigation investigation) {
        boolean accounted = investigation.childHeardOn != null || investigation.childNotHeardReason != null;
        Boolean met = accounted ? Boolean.TRUE : investigation.closedOn != null ? Boolean.FALSE : null;
        LocalDate settledOn = investigation.childHeardOn != null ? investigation.childHeardOn
                : accounted ? investigation.childNotHeardOn : investigation.closedOn;
        String detail = investigation.childHeardOn != null ? "child heard " + investigation.childHeardOn
                : investigation.childNotHeardReason != null ? "not heard: " + investigation.childNotHeardReason
                : "child not heard" + (investigation.closedOn == null ? " yet" : " and no reason recorded");
        return new Draft(ComplianceRule.CHILD_HEARD, investigation.openedBy, investigation.openedOn,
                investigation.closedOn != null ? investigation.closedOn : investigation.statutoryDeadline, investigation.childHeardOn,
                met, settledOn, null, detail);
    }

    private static Draft deadline(ComplianceRule rule, String subject, LocalDate reference, LocalDate due, LocalDate metOn, String detail) {
        Boolean met = metOn != null ? Boolean.valueOf(!metOn.isAfter(due)) : null;
        return new Draft(rule, subject, reference, due, metOn, met, metOn, null, detail);
    }

    /** A check of a rule without a deadline: settled by the fact itself, for the unit the case belonged to then. */
    private static Draft done(ComplianceRule rule, String unit, String subject, LocalDate reference, LocalDate metOn, boolean met,
                              String detail) {
        return new Draft(rule, subject, reference, null, metOn, met, reference, unit, detail);
    }

    /**
     * A check before it is placed in a unit.
     *
     * @param settledOn the day it was met or missed for good: the act that met it (or came too late), the closing of
     *                  the investigation or the case; {@code null} while open
     * @param unitOfFact for a rule without a deadline, the unit the case belonged to when what is checked happened
     */
    private record Draft(ComplianceRule rule, String subject, LocalDate referenceDay, LocalDate dueOn, LocalDate metOn, Boolean met,
                         LocalDate settledOn, String unitOfFact, String detail) {

        /**
         * A closed case takes no new facts, so what it had not done when it closed is settled as missed then, instead
         * of turning overdue months later with nothing happening.
         */
        Draft settledByClosure(CaseView view) {
            if (met != null || view.closure == null) {
                return this;
            }
            LocalDate closedOn = LedgerTime.dayOf(view.closure.closedAt);
            return new Draft(rule, subject, referenceDay, dueOn, null, Boolean.FALSE, closedOn, unitOfFact,
                    detail + "; the case was closed " + closedOn + " before it was met");
        }

        /**
         * The unit a check counts for. A deadline still open belongs to the unit that has the case now, which must act
         * on it (a transfer hands it over); one met or missed for good stays with the unit that had the case on the day
         * it was settled. A rule without a deadline counts where the case was when what is checked happened.
         */
        ComplianceCheck placed(CaseView view) {
            String unit = dueOn == null ? unitOfFact : met == null ? view.unit : view.unitOn(settledOn);
            return new ComplianceCheck(rule, unit, subject, referenceDay, dueOn, metOn, met, detail);
        }
    }
}
