package org.caseledger.projections.timeline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseOpened;
import org.caseledger.core.cases.DecisionMade;
import org.caseledger.core.cases.InformationDisclosed;
import org.caseledger.core.cases.JournalNoteCorrected;
import org.caseledger.core.cases.JournalNoteRecorded;
import org.caseledger.core.cases.NoteId;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.projections.laterecording.LateRecording;
import org.caseledger.projections.laterecording.LateRecordings;

/**
 * Builds a case's timeline from its events in order: one entry per event, worded by the reader's {@link TimelineWording},
 * with the provision a decision or a disclosure rests on, and each journal correction linked to the note it corrects
 * (which stays readable), and each decision or hearing recorded long after it happened marked, with the misses it turned
 * into passes, and each fact dated before the day the case was received marked. Pure, so the live timeline and a timeline as of any moment come from the same code.
 */
public final class Timeline {

    private Timeline() {
    }

    public static List<TimelineEntry> of(List<? extends CaseEvent> eventsInOrder, TimelineWording wording) {
        List<TimelineEntry> entries = new ArrayList<>();
        Map<NoteId, Integer> notePositions = new HashMap<>();
        Map<Long, LateRecording> late = LateRecordings.of(eventsInOrder);
        LocalDate receivedOn = null;
        long sequence = 0;
        for (CaseEvent event : eventsInOrder) {
            Envelope envelope = event.envelope();
            Long corrects = null;
            if (event instanceof CaseOpened opened) {
                receivedOn = LedgerTime.dayOf(opened.receivedAt());
            }
            if (event instanceof JournalNoteRecorded note) {
                notePositions.put(note.noteId(), entries.size());
            } else if (event instanceof JournalNoteCorrected correction) {
                notePositions.put(correction.correctionId(), entries.size());
                Integer original = notePositions.get(correction.originalNoteId());
                if (original != null) {
                    corrects = entries.get(original).sequenceNumber();
                    entries.set(original, entries.get(original).withCorrectedBy(sequence));
                }
            }
            LegalBasisId basis = basisOf(event);
            LateRecording recording = late.get(sequence);
            entries.add(new TimelineEntry(sequence, event.getClass().getSimpleName(), wording.what(event), envelope.occurredAt(),
                    envelope.recordedAt(), envelope.actor().value(), envelope.role().name(), envelope.unit().value(),
                    basis == null ? null : wording.legalBasis(basis), basis == null ? null : basis.value(), null, corrects,
                    recording == null ? null : new TimelineEntry.RecordedLate(recording.daysAfter(), recording.missesTurned(),
                            wording.recordedLate(recording)), beforeReceipt(envelope, receivedOn, wording)));
            sequence++;
        }
        return entries;
    }

    private static TimelineEntry.BeforeReceipt beforeReceipt(Envelope envelope, LocalDate receivedOn, TimelineWording wording) {
        LocalDate happenedOn = LedgerTime.dayOf(envelope.occurredAt());
        if (receivedOn == null || !happenedOn.isBefore(receivedOn)) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(happenedOn, receivedOn);
        return new TimelineEntry.BeforeReceipt(days, wording.beforeReceipt(days));
    }

    /** The provision the event rests on: a decision's legal basis, or the provision a disclosure without consent cites. */
    private static LegalBasisId basisOf(CaseEvent event) {
        if (event instanceof DecisionMade decision) {
            return decision.legalBasis();
        }
        if (event instanceof InformationDisclosed disclosure) {
            return disclosure.provision();
        }
        return null;
    }
}
