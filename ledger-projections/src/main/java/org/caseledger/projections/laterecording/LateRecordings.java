package org.caseledger.projections.laterecording;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.ChildHeard;
import org.caseledger.core.cases.ChildNotHeardReasonRecorded;
import org.caseledger.core.cases.DecisionMade;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.caseview.CaseViewFold;
import org.caseledger.projections.compliance.ComplianceCheck;
import org.caseledger.projections.compliance.ComplianceChecks;
import org.caseledger.projections.compliance.ComplianceRule;

/**
 * Which decisions, extensions and hearings were recorded long after they happened, and which of them turned a miss into
 * a pass: the case's checks are derived just before the fact was recorded and just after, both judged on the day it was
 * recorded, and a check missed or overdue before and met (or within its deadline again) after was turned by it. Pure and
 * judged only from the case's events, so the read model, a rebuild and the timeline of any moment agree. Definitions in
 * docs/metrics.md.
 */
public final class LateRecordings {

    /**
     * "Long after": more time than this between when a fact happened and when the ledger recorded it. The week the
     * journal rule allows (documentation without undue delay); a decision or a hearing is documented no later.
     */
    public static final Duration LONG_AFTER = ComplianceChecks.JOURNAL_DELAY_LIMIT;

    private static final Set<String> MISSED = Set.of("MISSED", "OVERDUE");
    private static final Set<String> PASSED = Set.of("MET", "PENDING");

    private LateRecordings() {
    }

    /** Whether the event is one watched here and was recorded long after it happened; only then are checks compared. */
    public static boolean watchedAndLate(CaseEvent event) {
        boolean watched = event instanceof DecisionMade || event instanceof ChildHeard || event instanceof ChildNotHeardReasonRecorded;
        return watched && Duration.between(event.envelope().occurredAt(), event.envelope().recordedAt()).compareTo(LONG_AFTER) > 0;
    }

    /**
     * The late recording {@code event} is, given the case's checks just before it was folded in and the view just after;
     * nothing for an event not {@link #watchedAndLate watched and late}.
     */
    public static Optional<LateRecording> judge(CaseEvent event, long sequenceNumber, List<ComplianceCheck> before, CaseView after) {
        if (!watchedAndLate(event)) {
            return Optional.empty();
        }
        LocalDate recorded = LedgerTime.dayOf(event.envelope().recordedAt());
        Map<String, String> was = new HashMap<>();
        before.forEach(check -> was.put(key(check), check.statusOn(recorded)));
        List<ComplianceRule> turned = new ArrayList<>();
        for (ComplianceCheck check : ComplianceChecks.of(after)) {
            // A check the fact itself brought (a new investigation's) was missed by no one before it.
            String then = was.getOrDefault(key(check), "NONE");
            if (MISSED.contains(then) && PASSED.contains(check.statusOn(recorded)) && !turned.contains(check.rule())) {
                turned.add(check.rule());
            }
        }
        Duration delay = Duration.between(event.envelope().occurredAt(), event.envelope().recordedAt());
        return Optional.of(new LateRecording(after.caseId, after.caseNumber, after.unit, sequenceNumber, event.getClass().getSimpleName(),
                event instanceof DecisionMade decision ? decision.kind().name() : null, event.envelope().occurredAt(),
                event.envelope().recordedAt(), delay.toDays(), turned.stream().sorted().toList()));
    }

    /** The late recordings of a case, by the sequence number of their event, from its events in recording order. */
    public static Map<Long, LateRecording> of(List<? extends CaseEvent> eventsInOrder) {
        Map<Long, LateRecording> late = new LinkedHashMap<>();
        if (eventsInOrder.stream().noneMatch(LateRecordings::watchedAndLate)) {
            // Most cases have none: their timeline needs no fold.
            return late;
        }
        CaseView view = new CaseView();
        long sequence = 0;
        for (CaseEvent event : eventsInOrder) {
            List<ComplianceCheck> before = watchedAndLate(event) ? ComplianceChecks.of(view) : null;
            CaseViewFold.apply(view, event, sequence);
            if (before != null) {
                long at = sequence;
                judge(event, sequence, before, view).ifPresent(recording -> late.put(at, recording));
            }
            sequence++;
        }
        return late;
    }

    private static String key(ComplianceCheck check) {
        return check.rule() + "/" + check.subject();
    }
}
