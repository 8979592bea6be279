package org.caseledger.projections.caseview;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.caseledger.core.cases.CaseAssigned;
import org.caseledger.core.cases.CaseClosed;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseOpened;
import org.caseledger.core.cases.CaseTransferred;
import org.caseledger.core.cases.ChildHeard;
import org.caseledger.core.cases.ChildNotHeardReasonRecorded;
import org.caseledger.core.cases.ConsentGiven;
import org.caseledger.core.cases.ConsentWithdrawn;
import org.caseledger.core.cases.ContactRecorded;
import org.caseledger.core.cases.DecisionMade;
import org.caseledger.core.cases.InformationDisclosed;
import org.caseledger.core.cases.InterventionAccepted;
import org.caseledger.core.cases.InterventionDeclined;
import org.caseledger.core.cases.InterventionEnded;
import org.caseledger.core.cases.InterventionFollowedUp;
import org.caseledger.core.cases.InterventionOffered;
import org.caseledger.core.cases.InterventionStarted;
import org.caseledger.core.cases.JournalNoteCorrected;
import org.caseledger.core.cases.JournalNoteRecorded;
import org.caseledger.core.cases.ProtectionAssessed;
import org.caseledger.core.cases.ReportOfConcernReceived;
import org.caseledger.core.cases.VisitBooked;
import org.caseledger.core.cases.VisitCancelled;
import org.caseledger.core.cases.VisitHeld;
import org.caseledger.core.cases.VisitMissed;
import org.caseledger.core.law.DecisionKind;

/**
 * Folds a case's events, in the order they were recorded, into its {@link CaseView}. Pure: the result depends only on
 * the events, so the live projection, a rebuild and a view "as of" an instant all give the same answer. Each event adds
 * the fact it records; what depends on when facts happened relative to each other is then derived again from their
 * times ({@link BusinessTime}), so a fact recorded late lands where it happened.
 */
public final class CaseViewFold {

    /**
     * The revision of this fold: raised when a view stored by the previous one would miss what this one derives from,
     * so that such a view is folded again from its events ({@link CaseView#foldRevision}).
     */
    public static final int REVISION = 2;

    private CaseViewFold() {
    }

    public static CaseView fold(List<? extends CaseEvent> eventsInOrder) {
        CaseView view = new CaseView();
        long sequence = 0;
        for (CaseEvent event : eventsInOrder) {
            apply(view, event, sequence++);
        }
        return view;
    }

    /**
     * The events the ledger knew at {@code instant}: the stream up to, not including, the first event recorded
     * after it. A prefix, so a time-travel view is always a state the case really passed through.
     */
    public static <E extends CaseEvent> List<E> recordedBy(List<E> eventsInOrder, java.time.Instant instant) {
        int known = 0;
        while (known < eventsInOrder.size() && !eventsInOrder.get(known).envelope().recordedAt().isAfter(instant)) {
            known++;
        }
        return eventsInOrder.subList(0, known);
    }

    /** The events up to and including sequence number {@code last}: the auditor's step-by-step replay. */
    public static <E extends CaseEvent> List<E> upToSequence(List<E> eventsInOrder, long last) {
        return last >= eventsInOrder.size() ? eventsInOrder : eventsInOrder.subList(0, (int) Math.max(0, last + 1));
    }

    /** Applies one event; an event at or below the view's version was already folded in and is ignored. */
    public static CaseView apply(CaseView view, CaseEvent event, long sequenceNumber) {
        if (sequenceNumber <= view.version) {
            return view;
        }
        on(view, event);
        BusinessTime.derive(view);
        view.foldRevision = REVISION;
        view.version = sequenceNumber;
        view.lastOccurredAt = event.envelope().occurredAt();
        view.lastRecordedAt = event.envelope().recordedAt();
        return view;
    }

    private static void on(CaseView view, CaseEvent event) {
        if (event instanceof CaseOpened e) {
            view.caseId = e.caseId().toString();
            view.caseNumber = e.caseNumber().value();
            view.unit = e.unit().value();
            view.origin = e.origin().name();
            view.child = e.child().toString();
            view.household = e.household().toString();
            view.receivedAt = e.receivedAt();
            view.openedAt = e.envelope().occurredAt();
            view.status = "OPEN";
        } else if (event instanceof ReportOfConcernReceived e) {
            CaseView.Report report = new CaseView.Report();
            report.id = e.reportId().toString();
            report.reporterType = e.reporterType().name();
            report.receivedAt = e.receivedAt();
            report.summary = e.summary();
            view.reports.add(report);
        } else if (event instanceof ProtectionAssessed e) {
            CaseView.Report report = find(view.reports, r -> r.id.equals(e.reportId().toString()));
            report.immediateNeedOfProtection = e.immediateNeedOfProtection();
            report.protectionAssessedAt = e.envelope().occurredAt();
        } else if (event instanceof CaseAssigned e) {
            view.assignee = e.assignee().value();
        } else if (event instanceof CaseTransferred e) {
            CaseView.Transfer transfer = new CaseView.Transfer();
            transfer.fromUnit = e.fromUnit().value();
            transfer.toUnit = e.toUnit().value();
            transfer.occurredAt = e.envelope().occurredAt();
            view.transfers.add(transfer);
            view.unit = e.toUnit().value();
            // The worker of the old unit may no longer read the case: the receiving unit assigns it anew.
            view.assignee = null;
        } else if (event instanceof DecisionMade e) {
            onDecision(view, e);
        } else if (event instanceof ChildHeard e) {
            view.hearings.add(hearing(e, true, null));
        } else if (event instanceof ChildNotHeardReasonRecorded e) {
            view.hearings.add(hearing(e, false, e.reason()));
        } else if (event instanceof VisitBooked e) {
            CaseView.Visit visit = new CaseView.Visit();
            visit.id = e.visitId().toString();
            visit.bookedAt = e.envelope().occurredAt();
            visit.plannedAt = e.plannedAt();
            visit.place = e.place().name();
            visit.status = "BOOKED";
            view.visits.add(visit);
        } else if (event instanceof VisitHeld e) {
            concludeVisit(view, e.visitId().toString(), "HELD", e).cancelledBy = null;
        } else if (event instanceof VisitMissed e) {
            concludeVisit(view, e.visitId().toString(), "MISSED", e).cancelledBy = null;
        } else if (event instanceof VisitCancelled e) {
            concludeVisit(view, e.visitId().toString(), "CANCELLED", e).cancelledBy = e.cancelledBy().name();
        } else if (event instanceof ContactRecorded e) {
            CaseView.Contact contact = new CaseView.Contact();
            contact.id = e.contactId().toString();
            contact.channel = e.channel().name();
            contact.partner = e.partnerType() == null ? null : e.partnerType().name();
            contact.initiatedBy = e.initiatedBy().name();
            contact.occurredAt = e.envelope().occurredAt();
            view.contacts.add(contact);
        } else if (event instanceof JournalNoteRecorded e) {
            view.notes.add(note(e.noteId().toString(), e.text(), e));
        } else if (event instanceof JournalNoteCorrected e) {
            CaseView.Note correction = note(e.correctionId().toString(), e.text(), e);
            correction.corrects = e.originalNoteId().toString();
            correction.correctionReason = e.reason();
            find(view.notes, n -> n.id.equals(correction.corrects)).correctedBy.add(correction.id);
            view.notes.add(correction);
        } else if (event instanceof InterventionOffered e) {
            CaseView.Intervention intervention = intervention(view, e.interventionId().toString(), e.type().name());
            intervention.voluntary = e.voluntary();
            intervention.offeredAt = e.envelope().occurredAt();
            refreshStatus(intervention);
        } else if (event instanceof InterventionAccepted e) {
            answer(view, e.interventionId().toString(), e, "ACCEPTED");
        } else if (event instanceof InterventionDeclined e) {
            answer(view, e.interventionId().toString(), e, "DECLINED");
        } else if (event instanceof InterventionStarted e) {
            CaseView.Intervention intervention = intervention(view, e.interventionId().toString(), null);
            intervention.startedAt = e.envelope().occurredAt();
            refreshStatus(intervention);
        } else if (event instanceof InterventionFollowedUp e) {
            intervention(view, e.interventionId().toString(), null).followUps++;
        } else if (event instanceof InterventionEnded e) {
            CaseView.Intervention intervention = intervention(view, e.interventionId().toString(), null);
            intervention.endedAt = e.envelope().occurredAt();
            intervention.endReason = e.reason();
            refreshStatus(intervention);
        } else if (event instanceof ConsentGiven e) {
            CaseView.Consent consent = new CaseView.Consent();
            consent.id = e.consentId().toString();
            consent.person = e.person().toString();
            consent.partner = e.partner().name();
            consent.partnerName = e.partnerName();
            consent.purpose = e.purpose();
            consent.validFrom = e.validFrom();
            consent.validUntil = e.validUntil();
            view.consents.add(consent);
        } else if (event instanceof ConsentWithdrawn e) {
            find(view.consents, c -> c.id.equals(e.consentId().toString())).withdrawnAt = e.envelope().occurredAt();
        } else if (event instanceof InformationDisclosed e) {
            CaseView.Disclosure disclosure = new CaseView.Disclosure();
            disclosure.id = e.disclosureId().toString();
            disclosure.partner = e.partner().name();
            disclosure.partnerName = e.partnerName();
            disclosure.consent = e.consent() == null ? null : e.consent().toString();
            disclosure.provision = e.provision() == null ? null : e.provision().value();
            disclosure.occurredAt = e.envelope().occurredAt();
            view.disclosures.add(disclosure);
        } else if (event instanceof CaseClosed e) {
            view.status = "CLOSED";
            view.closure = new CaseView.Closure();
            view.closure.closedAt = e.envelope().occurredAt();
            view.closure.reason = e.reason();
        } else {
            throw new IllegalArgumentException("the case view does not know the event " + event.getClass().getName());
        }
    }

    private static void onDecision(CaseView view, DecisionMade e) {
        CaseView.Decision decision = new CaseView.Decision();
        decision.id = e.decisionId().toString();
        decision.kind = e.kind().name();
        decision.legalBasis = e.legalBasis().value();
        decision.delegationRule = e.delegationRule().value();
        decision.decidedBy = e.decidedBy().value();
        decision.decidedInRole = e.decidedInRole().name();
        decision.decisionDate = e.decisionDate();
        decision.decidedAt = e.envelope().occurredAt();
        decision.investigationDeadline = e.investigationDeadline();
        decision.assessmentDeadline = e.assessmentDeadline();
        decision.rationale = e.rationale();
        decision.appealable = e.appealable();
        decision.appealInformationGiven = e.appealInformationGiven();
        decision.interventionId = e.interventionId() == null ? null : e.interventionId().toString();
        view.decisions.add(decision);

        if (e.kind() == DecisionKind.GRANT_INTERVENTION || e.kind() == DecisionKind.DENY_INTERVENTION) {
            CaseView.Intervention intervention = intervention(view, decision.interventionId, e.interventionType().name());
            intervention.granted = e.kind() == DecisionKind.GRANT_INTERVENTION;
            intervention.denied = e.kind() == DecisionKind.DENY_INTERVENTION;
            refreshStatus(intervention);
        }
    }

    private static CaseView.Hearing hearing(CaseEvent event, boolean heard, String reason) {
        CaseView.Hearing hearing = new CaseView.Hearing();
        hearing.occurredAt = event.envelope().occurredAt();
        hearing.heard = heard;
        hearing.reason = reason;
        return hearing;
    }

    private static CaseView.Visit concludeVisit(CaseView view, String visitId, String status, CaseEvent event) {
        CaseView.Visit visit = find(view.visits, v -> v.id.equals(visitId));
        visit.status = status;
        visit.outcomeAt = event.envelope().occurredAt();
        return visit;
    }

    private static CaseView.Note note(String id, String text, CaseEvent event) {
        CaseView.Note note = new CaseView.Note();
        note.id = id;
        note.text = text;
        note.occurredAt = event.envelope().occurredAt();
        note.recordedAt = event.envelope().recordedAt();
        note.author = event.envelope().actor().value();
        return note;
    }

    private static CaseView.Intervention intervention(CaseView view, String id, String typeIfNew) {
        return view.interventions.stream().filter(i -> i.id.equals(id)).findFirst().orElseGet(() -> {
            CaseView.Intervention created = new CaseView.Intervention();
            created.id = id;
            created.type = Objects.requireNonNull(typeIfNew, "an intervention first appears with its type");
            view.interventions.add(created);
            return created;
        });
    }

    private static void answer(CaseView view, String interventionId, CaseEvent event, String answer) {
        CaseView.Intervention intervention = intervention(view, interventionId, null);
        intervention.answeredAt = event.envelope().occurredAt();
        intervention.answer = answer;
        intervention.status = answer;
        refreshStatus(intervention);
    }

    /** The status shows the furthest step reached; granted or denied shows only until the family's steps follow. */
    private static void refreshStatus(CaseView.Intervention i) {
        if (i.endedAt != null) {
            i.status = "ENDED";
        } else if (i.startedAt != null) {
            i.status = "STARTED";
        } else if (i.denied) {
            i.status = "DENIED";
        } else if ("ACCEPTED".equals(i.status) || "DECLINED".equals(i.status)) {
            return;
        } else if (i.offeredAt != null) {
            i.status = "OFFERED";
        } else if (i.granted) {
            i.status = "GRANTED";
        }
    }

    private static <T> T find(List<T> items, Predicate<T> match) {
        return items.stream().filter(match).findFirst()
                .orElseThrow(() -> new IllegalStateException("an event refers to an item the case view does not hold"));
    }
}
