package org.caseledger.projections.wording;

import java.util.ArrayList;
import java.util.List;
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
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.law.LegalFramework;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.projections.laterecording.LateRecording;
import org.caseledger.projections.timeline.TimelineWording;

/**
 * One sentence per case event, from the bundles' {@code timeline.<event type>} texts filled with the event's facts in
 * words: codes through {@link Words#code}, times in Swedish local time, stored text as written (or erased) after a
 * colon. Optional facts are whole clauses of their own, so that no sentence has a hole where a fact is missing.
 */
public final class EventSentences implements TimelineWording {

    private final Words words;
    private final LegalFramework law;

    public EventSentences(Words words, LegalFramework law) {
        this.words = words;
        this.law = law;
    }

    @Override
    public String legalBasis(LegalBasisId basis) {
        return LawWords.of(basis, law, words);
    }

    @Override
    public String recordedLate(LateRecording late) {
        String recorded = words.text("timeline.recordedLate", late.daysAfter());
        if (late.missesTurned().isEmpty()) {
            return recorded;
        }
        return recorded + " " + words.text("timeline.recordedLate.turned",
                String.join(", ", late.missesTurned().stream().map(rule -> words.code("rule.", rule.name())).toList()));
    }

    @Override
    public String beforeReceipt(long daysBefore) {
        return words.text("timeline.beforeReceipt", daysBefore);
    }

    @Override
    public String what(CaseEvent event) {
        if (event instanceof CaseOpened e) {
            return words.text("timeline.CaseOpened", e.caseNumber().value(), e.unit().value(), words.code(e.origin()));
        } else if (event instanceof ReportOfConcernReceived e) {
            return withText(words.text("timeline.ReportOfConcernReceived", words.code(e.reporterType())), e.summary());
        } else if (event instanceof ProtectionAssessed e) {
            return withText(words.text("timeline.ProtectionAssessed." + e.immediateNeedOfProtection()), e.rationale());
        } else if (event instanceof CaseAssigned e) {
            return e.previousAssignee() == null ? words.text("timeline.CaseAssigned", e.assignee().value())
                    : words.text("timeline.CaseAssigned.before", e.assignee().value(), e.previousAssignee().value());
        } else if (event instanceof CaseTransferred e) {
            return withText(words.text("timeline.CaseTransferred", e.fromUnit().value(), e.toUnit().value()), e.reason());
        } else if (event instanceof DecisionMade e) {
            return decision(e);
        } else if (event instanceof ChildHeard e) {
            return withText(words.text("timeline.ChildHeard"), e.summary());
        } else if (event instanceof ChildNotHeardReasonRecorded e) {
            return withText(words.text("timeline.ChildNotHeardReasonRecorded"), e.reason());
        } else if (event instanceof VisitBooked e) {
            return words.text("timeline.VisitBooked", Words.minute(e.plannedAt()), words.code(e.place()));
        } else if (event instanceof VisitHeld) {
            return words.text("timeline.VisitHeld");
        } else if (event instanceof VisitMissed) {
            return words.text("timeline.VisitMissed");
        } else if (event instanceof VisitCancelled e) {
            return withText(words.text("timeline.VisitCancelled", words.code(e.cancelledBy())), e.reason());
        } else if (event instanceof ContactRecorded e) {
            String channel = e.partnerType() == null ? words.code(e.channel())
                    : words.text("timeline.ContactRecorded.partner", words.code(e.channel()), words.code(e.partnerType()));
            return withText(words.text("timeline.ContactRecorded", channel, words.code(e.initiatedBy())), e.summary());
        } else if (event instanceof JournalNoteRecorded e) {
            return withText(words.text("timeline.JournalNoteRecorded"), e.text());
        } else if (event instanceof JournalNoteCorrected e) {
            String head = e.reason() == null ? words.text("timeline.JournalNoteCorrected.noReason")
                    : words.text("timeline.JournalNoteCorrected", words.stored(e.reason()));
            return withText(head, e.text());
        } else if (event instanceof InterventionOffered e) {
            return words.text(e.voluntary() ? "timeline.InterventionOffered.voluntary" : "timeline.InterventionOffered", words.code(e.type()));
        } else if (event instanceof InterventionAccepted) {
            return words.text("timeline.InterventionAccepted");
        } else if (event instanceof InterventionDeclined e) {
            return withText(words.text("timeline.InterventionDeclined"), e.reason());
        } else if (event instanceof InterventionStarted) {
            return words.text("timeline.InterventionStarted");
        } else if (event instanceof InterventionFollowedUp e) {
            return withText(words.text("timeline.InterventionFollowedUp"), e.summary());
        } else if (event instanceof InterventionEnded e) {
            return withText(words.text("timeline.InterventionEnded"), e.reason());
        } else if (event instanceof ConsentGiven e) {
            String validity = e.validUntil() == null ? words.text("timeline.ConsentGiven.open", e.validFrom().toString())
                    : words.text("timeline.ConsentGiven.until", e.validFrom().toString(), e.validUntil().toString());
            return withText(words.text("timeline.ConsentGiven", party(e.partnerName(), e.partner()), validity), e.purpose());
        } else if (event instanceof ConsentWithdrawn) {
            return words.text("timeline.ConsentWithdrawn");
        } else if (event instanceof InformationDisclosed e) {
            String head = e.provision() == null || e.consent() != null
                    ? words.text("timeline.InformationDisclosed.consent", party(e.partnerName(), e.partner()))
                    : words.text("timeline.InformationDisclosed.provision", party(e.partnerName(), e.partner()),
                    LawWords.citation(e.provision(), law, words));
            return withText(head, e.content());
        } else if (event instanceof CaseClosed e) {
            return withText(words.text("timeline.CaseClosed"), e.reason());
        }
        return words.text("timeline.unknown");
    }

    private String decision(DecisionMade e) {
        String kind = e.interventionType() == null ? words.code(e.kind())
                : words.text("timeline.DecisionMade.intervention", words.code(e.kind()), words.code(e.interventionType()));
        List<String> clauses = new ArrayList<>();
        clauses.add(words.text("timeline.DecisionMade", kind, e.decidedBy().value(), words.code(e.decidedInRole()), e.delegationRule().value()));
        if (e.investigationDeadline() != null) {
            clauses.add(words.text("timeline.DecisionMade.deadline", e.investigationDeadline().toString()));
        }
        if (e.assessmentDeadline() != null) {
            clauses.add(words.text("timeline.DecisionMade.assessmentDeadline", e.assessmentDeadline().toString()));
        }
        if (e.appealable()) {
            clauses.add(words.text(e.appealInformationGiven() ? "timeline.DecisionMade.appealGiven" : "timeline.DecisionMade.appealNotGiven"));
        }
        String sentence = clauses.get(0);
        for (String clause : clauses.subList(1, clauses.size())) {
            sentence = words.text("timeline.clauses", sentence, clause);
        }
        return withText(sentence, e.rationale());
    }

    /** A partner by name and kind, or by kind alone when no name was recorded. */
    private String party(String name, PartnerType partner) {
        return name == null || name.isBlank() ? words.code(partner) : words.text("timeline.party", name, words.code(partner));
    }

    /** The sentence, then the stored text after a colon; a sentence alone when no text was recorded. */
    private String withText(String sentence, String storedText) {
        return storedText == null || storedText.isBlank() ? sentence : words.text("timeline.withText", sentence, words.stored(storedText));
    }
}
