package org.caseledger.projections.moment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.caseview.CaseViewFold;
import org.caseledger.projections.compliance.ComplianceCheck;
import org.caseledger.projections.compliance.ComplianceChecks;
import org.caseledger.projections.compliance.ComplianceRule;
import org.caseledger.projections.timeline.Timeline;
import org.caseledger.projections.timeline.TimelineEntry;
import org.caseledger.projections.timeline.TimelineWording;

/**
 * The case at a moment, from its events alone: the events the moment selects, folded into the view, worded into the
 * timeline, and checked against each rule with each check's status on the moment's day. The ledger answers time
 * travel with it and the auditor's kit replays a case file with it, so the two cannot differ.
 *
 * @param asOf      what was recorded by this instant, or {@code null}
 * @param asOfEvent up to and including the event of this sequence number, or {@code null}; never both
 */
public record CaseAtMoment(Instant asOf, Long asOfEvent) {

    /**
     * One check of a rule, with its status on the moment's day ({@code MET}, {@code MISSED}, {@code OVERDUE}, {@code PENDING})
     * and, for a preliminary assessment extended in time, the special reasons recorded by the extending decisions. The
     * reasons are personal data: read from the case's events when asked, never kept with the stored checks.
     */
    public record Check(ComplianceRule rule, String unit, String subject, LocalDate referenceDay, LocalDate dueOn, LocalDate metOn,
                        String status, String detail, List<String> extensionReasons) {
    }

    public static final CaseAtMoment NOW = new CaseAtMoment(null, null);

    public CaseAtMoment {
        if (asOf != null && asOfEvent != null) {
            throw new IllegalArgumentException("a moment is an instant or an event, not both");
        }
    }

    public boolean isNow() {
        return asOf == null && asOfEvent == null;
    }

    public <E extends CaseEvent> List<E> select(List<E> eventsInOrder) {
        if (asOf != null) {
            return CaseViewFold.recordedBy(eventsInOrder, asOf);
        }
        return asOfEvent != null ? CaseViewFold.upToSequence(eventsInOrder, asOfEvent) : eventsInOrder;
    }

    public CaseView view(List<? extends CaseEvent> eventsInOrder) {
        return CaseViewFold.fold(select(List.copyOf(eventsInOrder)));
    }

    public List<TimelineEntry> timeline(List<? extends CaseEvent> eventsInOrder, TimelineWording wording) {
        return Timeline.of(select(List.copyOf(eventsInOrder)), wording);
    }

    /**
     * The checks of every rule as the case stood, each with its status on the moment's day: the day of {@code asOf};
     * for an event, the day the newest event up to it was recorded; for now, the day of {@code now}.
     */
    public List<Check> compliance(List<? extends CaseEvent> eventsInOrder, Instant now) {
        List<? extends CaseEvent> selected = select(List.copyOf(eventsInOrder));
        LocalDate day = LedgerTime.dayOf(asOf != null ? asOf : asOfEvent != null ? newestRecorded(selected, now) : now);
        CaseView view = CaseViewFold.fold(selected);
        return ComplianceChecks.of(view).stream().map(check -> check(check, day, extensionReasons(view, check))).toList();
    }

    private static List<String> extensionReasons(CaseView view, ComplianceCheck check) {
        if (check.rule() != ComplianceRule.PRELIMINARY_ASSESSMENT_IN_14_DAYS) {
            return List.of();
        }
        List<String> extensions = view.reports.stream().filter(report -> report.id.equals(check.subject()))
                .flatMap(report -> report.assessmentExtendedBy.stream()).toList();
        return extensions.stream().flatMap(id -> view.decisions.stream().filter(decision -> decision.id.equals(id)))
                .map(decision -> decision.rationale).toList();
    }

    private static Instant newestRecorded(List<? extends CaseEvent> events, Instant otherwise) {
        return events.stream().map(event -> event.envelope().recordedAt()).max(Comparator.naturalOrder()).orElse(otherwise);
    }

    private static Check check(ComplianceCheck check, LocalDate day, List<String> extensionReasons) {
        return new Check(check.rule(), check.unit(), check.subject(), check.referenceDay(), check.dueOn(), check.metOn(), check.statusOn(day),
                check.detail(), extensionReasons);
    }
}
