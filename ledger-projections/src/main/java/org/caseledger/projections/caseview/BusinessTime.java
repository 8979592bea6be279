package org.caseledger.projections.caseview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseledger.core.cases.Case;
import org.caseledger.core.shared.LedgerTime;

/**
 * Places every fact of a case at the time it happened among the case's other facts, whatever order they were recorded
 * in, and derives from that what depends on it: the unit each fact counts for, the investigations (opened, extended and
 * closed by decisions), the investigation open when a report was received and when the child was heard, and the
 * decision that answered each report. Run over the whole view after every event, so a fact recorded late re-derives
 * everything it affects, and the live processor, a rebuild and time travel all give the same answer. Definitions in
 * docs/metrics.md.
 */
final class BusinessTime {

    private static final Comparator<CaseView.Decision> DECIDED = Comparator
            .comparing((CaseView.Decision decision) -> decision.decidedAt).thenComparing(decision -> decision.id);

    /** Hearings in the order they happened; two at the same instant in an order of their own, not of recording. */
    private static final Comparator<CaseView.Hearing> IN_TIME = Comparator.comparing((CaseView.Hearing hearing) -> hearing.occurredAt)
            .thenComparing(hearing -> hearing.heard).thenComparing(hearing -> hearing.reason, Comparator.nullsFirst(Comparator.naturalOrder()));

    private BusinessTime() {
    }

    static void derive(CaseView view) {
        for (CaseView.Report report : view.reports) {
            report.unit = view.unitAt(report.receivedAt);
        }
        for (CaseView.Decision decision : view.decisions) {
            decision.unit = view.unitAt(decision.decidedAt);
        }
        for (CaseView.Note note : view.notes) {
            note.unit = view.unitAt(note.occurredAt);
        }
        for (CaseView.Disclosure disclosure : view.disclosures) {
            disclosure.unit = view.unitAt(disclosure.occurredAt);
        }
        view.investigations = investigations(view);
        hearings(view);
        preliminaryDecisions(view);
    }

    /**
     * The investigations, paired from the decisions in the order they were recorded (the case allows an opening only
     * while none is open, and an extension or a closing only while one is), each dated by its decisions. Extensions
     * count in the order they were decided: one decided on or before the deadline then in force moves it.
     */
    private static List<CaseView.Investigation> investigations(CaseView view) {
        List<CaseView.Investigation> investigations = new ArrayList<>();
        Map<CaseView.Investigation, List<CaseView.Decision>> extensions = new HashMap<>();
        CaseView.Investigation open = null;
        for (CaseView.Decision decision : view.decisions) {
            switch (decision.kind) {
                case "OPEN_INVESTIGATION" -> {
                    open = new CaseView.Investigation();
                    open.openedBy = decision.id;
                    open.unit = decision.unit;
                    open.openedOn = decision.decisionDate;
                    open.deadline = decision.investigationDeadline;
                    open.statutoryDeadline = decision.investigationDeadline;
                    investigations.add(open);
                    extensions.put(open, new ArrayList<>());
                }
                case "EXTEND_INVESTIGATION" -> extensions.get(open).add(decision);
                case "CLOSE_INVESTIGATION" -> {
                    open.closedBy = decision.id;
                    open.closedOn = decision.decisionDate;
                    open = null;
                }
                default -> {
                    // no other kind of decision concerns an investigation
                }
            }
        }
        if (open != null && view.closure != null) {
            open.closedOn = LedgerTime.dayOf(view.closure.closedAt);
        }
        for (CaseView.Investigation investigation : investigations) {
            investigation.status = investigation.closedOn == null ? "OPEN" : "CLOSED";
            for (CaseView.Decision extension : extensions.get(investigation).stream().sorted(DECIDED).toList()) {
                if (extension.decisionDate.isAfter(investigation.statutoryDeadline)) {
                    investigation.lateExtensions++;
                } else {
                    investigation.statutoryDeadline = later(investigation.statutoryDeadline, extension.investigationDeadline);
                }
                investigation.deadline = later(investigation.deadline, extension.investigationDeadline);
                investigation.extensions++;
            }
        }
        return investigations;
    }

    /**
     * The child heard (or the reason why not) counts for the investigation open on the day it happened, the latest
     * of two that meet that day; the first hearing gives the day, the reason given last stands.
     */
    private static void hearings(CaseView view) {
        view.childHeard = false;
        view.childNotHeardReason = null;
        for (CaseView.Hearing hearing : view.hearings.stream().sorted(IN_TIME).toList()) {
            LocalDate day = LedgerTime.dayOf(hearing.occurredAt);
            CaseView.Investigation investigation = investigationOn(view, day);
            if (hearing.heard) {
                view.childHeard = true;
                if (investigation != null && investigation.childHeardOn == null) {
                    investigation.childHeardOn = day;
                }
            } else {
                view.childNotHeardReason = hearing.reason;
                if (investigation != null) {
                    investigation.childNotHeardReason = hearing.reason;
                    investigation.childNotHeardOn = day;
                }
            }
        }
    }

    private static CaseView.Investigation investigationOn(CaseView view, LocalDate day) {
        for (int i = view.investigations.size() - 1; i >= 0; i--) {
            CaseView.Investigation investigation = view.investigations.get(i);
            if (!day.isBefore(investigation.openedOn) && (investigation.closedOn == null || !day.isAfter(investigation.closedOn))) {
                return investigation;
            }
        }
        return null;
    }

    /**
     * A report received after an investigation was opened and before it was closed joins it. Any other report is
     * answered by the first decision whether to investigate made at or after its receipt, and is due fourteen days
     * after its receipt unless extended in time by decisions made between its receipt and its answer.
     */
    private static void preliminaryDecisions(CaseView view) {
        Map<String, CaseView.Decision> decisions = new HashMap<>();
        view.decisions.forEach(decision -> decisions.put(decision.id, decision));
        List<CaseView.Decision> whetherToInvestigate = view.decisions.stream()
                .filter(decision -> decision.kind.equals("OPEN_INVESTIGATION") || decision.kind.equals("DO_NOT_OPEN_INVESTIGATION"))
                .sorted(DECIDED).toList();
        for (CaseView.Report report : view.reports) {
            report.duringOpenInvestigation = view.investigations.stream().anyMatch(investigation ->
                    decisions.get(investigation.openedBy).decidedAt.isBefore(report.receivedAt)
                    && !report.receivedAt.isAfter(closedAt(view, investigation, decisions)));
            CaseView.Decision answer = report.duringOpenInvestigation ? null : whetherToInvestigate.stream()
                    .filter(decision -> !decision.decidedAt.isBefore(report.receivedAt)).findFirst().orElse(null);
            report.preliminaryDecision = answer == null ? null : answer.kind;
            report.preliminaryDecisionOn = answer == null ? null : answer.decisionDate;
            assessmentDeadline(view, report, answer);
        }
    }

    /** An extension decided after the deadline then in force is recorded as late and moves nothing (as for investigations). */
    private static void assessmentDeadline(CaseView view, CaseView.Report report, CaseView.Decision answer) {
        report.assessmentExtendedBy = new ArrayList<>();
        report.lateAssessmentExtensions = 0;
        if (report.duringOpenInvestigation) {
            report.assessmentDeadline = null;
            return;
        }
        LocalDate deadline = LedgerTime.dayOf(report.receivedAt).plusDays(Case.ASSESSMENT_DAYS);
        List<CaseView.Decision> extensions = view.decisions.stream()
                .filter(decision -> decision.kind.equals("EXTEND_PRELIMINARY_ASSESSMENT"))
                .filter(decision -> !decision.decidedAt.isBefore(report.receivedAt))
                .filter(decision -> answer == null || !decision.decidedAt.isAfter(answer.decidedAt))
                .sorted(DECIDED).toList();
        for (CaseView.Decision extension : extensions) {
            if (extension.decisionDate.isAfter(deadline)) {
                report.lateAssessmentExtensions++;
            } else {
                deadline = later(deadline, extension.assessmentDeadline);
                report.assessmentExtendedBy.add(extension.id);
            }
        }
        report.assessmentDeadline = deadline;
    }

    private static Instant closedAt(CaseView view, CaseView.Investigation investigation, Map<String, CaseView.Decision> decisions) {
        if (investigation.closedBy != null) {
            return decisions.get(investigation.closedBy).decidedAt;
        }
        return view.closure != null ? view.closure.closedAt : Instant.MAX;
    }

    private static LocalDate later(LocalDate one, LocalDate other) {
        return other != null && other.isAfter(one) ? other : one;
    }
}
