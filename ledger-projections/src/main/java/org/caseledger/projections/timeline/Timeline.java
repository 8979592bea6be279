package org.caseledger.projections.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.caseledger.core.cases.CaseAssigned;
import org.caseledger.core.cases.CaseClosed;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseOpened;
import org.caseledger.core.cases.CaseTransferred;
import org.caseledger.core.cases.ChildHeard;
import org.caseledger.core.cases.ChildNotHeardReasonRecorded;
import org.caseledger.core.cases.ConsentGiven;
import org.caseledger.core.cases.ConsentWithdrawn;
import org.caseledger.core.cases.ContactInitiator;
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
import org.caseledger.core.cases.NoteId;
import org.caseledger.core.cases.ProtectionAssessed;
import org.caseledger.core.cases.ReportOfConcernReceived;
import org.caseledger.core.cases.VisitBooked;
import org.caseledger.core.cases.VisitCancelled;
import org.caseledger.core.cases.VisitHeld;
import org.caseledger.core.cases.VisitMissed;
import org.caseledger.core.law.LegalBasis;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.shared.Envelope;

/**
 * Builds a case's timeline from its events in order: one entry per event, in plain words, with the decision's
 * legal basis spelled out and each journal correction linked to the note it corrects (which stays readable).
 * Pure, so the live timeline and a timeline as of any moment come from the same code.
 */
public final class Timeline {

    private Timeline() {
    }

    public static List<TimelineEntry> of(List<? extends CaseEvent> eventsInOrder, Function<LegalBasisId, Optional<LegalBasis>> law) {
        List<TimelineEntry> entries = new ArrayList<>();
        Map<NoteId, Integer> notePositions = new HashMap<>();
        long sequence = 0;
        for (CaseEvent event : eventsInOrder) {
            Envelope envelope = event.envelope();
            Long corrects = null;
            String legalBasis = null;
            if (event instanceof JournalNoteRecorded note) {
                notePositions.put(note.noteId(), entries.size());
            } else if (event instanceof JournalNoteCorrected correction) {
                notePositions.put(correction.correctionId(), entries.size());
                Integer original = notePositions.get(correction.originalNoteId());
                if (original != null) {
                    corrects = entries.get(original).sequenceNumber();
                    entries.set(original, entries.get(original).withCorrectedBy(sequence));
                }
            } else if (event instanceof DecisionMade decision) {
                legalBasis = law.apply(decision.legalBasis())
                        .map(basis -> basis.act() + " " + basis.provision() + " – " + basis.title())
                        .orElse(decision.legalBasis().value());
            }
            entries.add(new TimelineEntry(sequence, event.getClass().getSimpleName(), describe(event), envelope.occurredAt(),
                    envelope.recordedAt(), envelope.actor().value(), envelope.role().name(), envelope.unit().value(), legalBasis,
                    null, corrects));
            sequence++;
        }
        return entries;
    }

    static String describe(CaseEvent event) {
        if (event instanceof CaseOpened e) {
            return "Case " + e.caseNumber() + " opened at unit " + e.unit() + " (" + words(e.origin()) + ")";
        } else if (event instanceof ReportOfConcernReceived e) {
            return "Report of concern received from " + words(e.reporterType()) + ": " + e.summary();
        } else if (event instanceof ProtectionAssessed e) {
            return "Immediate protection assessed: " + (e.immediateNeedOfProtection() ? "the child needs protection now" : "no immediate need of protection")
                    + ". " + e.rationale();
        } else if (event instanceof CaseAssigned e) {
            return "Case assigned to " + e.assignee() + (e.previousAssignee() == null ? "" : " (before: " + e.previousAssignee() + ")");
        } else if (event instanceof CaseTransferred e) {
            return "Case transferred from " + e.fromUnit() + " to " + e.toUnit() + ": " + e.reason();
        } else if (event instanceof DecisionMade e) {
            return "Decision to " + words(e.kind()) + (e.interventionType() == null ? "" : " (" + words(e.interventionType()) + ")")
                    + " by " + e.decidedBy() + " as " + words(e.decidedInRole()) + " under delegation " + e.delegationRule()
                    + (e.investigationDeadline() == null ? "" : "; investigation deadline " + e.investigationDeadline())
                    + (e.appealable() ? (e.appealInformationGiven() ? "; appeal information given" : "; appeal information NOT given") : "")
                    + ". " + e.rationale();
        } else if (event instanceof ChildHeard e) {
            return "The child was heard: " + e.summary();
        } else if (event instanceof ChildNotHeardReasonRecorded e) {
            return "The child was not heard: " + e.reason();
        } else if (event instanceof VisitBooked e) {
            return "Visit booked for " + e.plannedAt() + " (" + words(e.place()) + ")";
        } else if (event instanceof VisitHeld) {
            return "Visit held";
        } else if (event instanceof VisitMissed) {
            return "Visit missed: the family did not come";
        } else if (event instanceof VisitCancelled e) {
            return "Visit cancelled by the " + words(e.cancelledBy()) + (e.reason() == null ? "" : ": " + e.reason());
        } else if (event instanceof ContactRecorded e) {
            return "Contact: " + words(e.channel()) + (e.partnerType() == null ? "" : " with " + words(e.partnerType()))
                    + initiative(e.initiatedBy()) + (e.summary() == null ? "" : ": " + e.summary());
        } else if (event instanceof JournalNoteRecorded e) {
            return "Journal note: " + e.text();
        } else if (event instanceof JournalNoteCorrected e) {
            return "Correction of a journal note (" + e.reason() + "): " + e.text();
        } else if (event instanceof InterventionOffered e) {
            return words(e.type()) + " offered" + (e.voluntary() ? " as voluntary support" : "");
        } else if (event instanceof InterventionAccepted) {
            return "The family accepted the intervention";
        } else if (event instanceof InterventionDeclined e) {
            return "The family declined the intervention" + (e.reason() == null ? "" : ": " + e.reason());
        } else if (event instanceof InterventionStarted) {
            return "Intervention started";
        } else if (event instanceof InterventionFollowedUp e) {
            return "Intervention followed up: " + e.summary();
        } else if (event instanceof InterventionEnded e) {
            return "Intervention ended: " + e.reason();
        } else if (event instanceof ConsentGiven e) {
            return "Consent given to share with " + e.partnerName() + " (" + words(e.partner()) + ") for: " + e.purpose()
                    + ", valid " + e.validFrom() + (e.validUntil() == null ? " until withdrawn" : " to " + e.validUntil());
        } else if (event instanceof ConsentWithdrawn) {
            return "Consent withdrawn";
        } else if (event instanceof InformationDisclosed e) {
            return "Information disclosed to " + e.partnerName() + " (" + words(e.partner()) + ") "
                    + (e.consent() != null ? "with consent" : "under " + e.provision()) + ": " + e.content();
        } else if (event instanceof CaseClosed e) {
            return "Case closed: " + e.reason();
        }
        return event.getClass().getSimpleName();
    }

    private static String initiative(ContactInitiator initiatedBy) {
        return initiatedBy == ContactInitiator.NOT_RECORDED
                ? " (who took the initiative was not recorded)"
                : ", initiated by the " + words(initiatedBy);
    }

    private static String words(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
