package org.caseledger.projections.caseview;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.caseledger.core.shared.LedgerTime;

/**
 * The case as a case worker or auditor reads it: a document built only by {@link CaseViewFold}, stored
 * as JSON and returned as it is. Fields are public because the document is plain data with no behaviour;
 * ids and enum values are kept as their text form so the stored JSON reads the same as the API's.
 * <p>
 * Each fact keeps when it happened; what depends on the order of facts (the unit a fact counts for, the investigation
 * open when a report arrived or the child was heard, which decision answered a report) is derived from those times
 * by {@link BusinessTime}, never from the order the facts were recorded in.
 */
public class CaseView {

    public String caseId;
    public String caseNumber;
    /** The unit that has the case now: the one the last recorded transfer moved it to, as the case itself knows it. */
    public String unit;
    public String origin;
    public String child;
    public String household;
    public Instant receivedAt;
    public Instant openedAt;
    public String status;
    /** The case worker of its unit who has the case; a transfer to another unit ends the assignment. */
    public String assignee;
    public List<Investigation> investigations = new ArrayList<>();
    public boolean childHeard;
    public String childNotHeardReason;
    public List<Hearing> hearings = new ArrayList<>();
    public List<Report> reports = new ArrayList<>();
    public List<Decision> decisions = new ArrayList<>();
    public List<Visit> visits = new ArrayList<>();
    public List<Contact> contacts = new ArrayList<>();
    public List<Note> notes = new ArrayList<>();
    public List<Intervention> interventions = new ArrayList<>();
    public List<Consent> consents = new ArrayList<>();
    public List<Disclosure> disclosures = new ArrayList<>();
    public List<Transfer> transfers = new ArrayList<>();
    public Closure closure;
    /** Sequence number of the last event folded in: the case's version, as sent in {@code ETag}. */
    public long version = -1;
    public Instant lastOccurredAt;
    public Instant lastRecordedAt;
    /**
     * The revision of {@link CaseViewFold} that built the view. Stored with the document but not part of the answer:
     * a view stored by an older fold lacks what the current one derives from, and is folded again from its events.
     */
    @JsonIgnore
    public int foldRevision;

    /** An entry of one of the case's lists, addressable by its id. */
    public abstract static class Item {
        public String id;
    }

    /** The investigation now open or most recently closed: the last of {@link #investigations}, never stored twice. */
    @JsonProperty(value = "investigation", access = JsonProperty.Access.READ_ONLY)
    public Investigation currentInvestigation() {
        return investigations.isEmpty() ? null : investigations.get(investigations.size() - 1);
    }

    /**
     * The unit the case belonged to at {@code instant}: the unit of the transfer that happened last at or before it (of
     * two at the same instant, the one recorded later), or the unit the case was opened in.
     */
    public String unitAt(Instant instant) {
        return unitWhen(transfer -> !transfer.occurredAt.isAfter(instant));
    }

    /** The unit the case belonged to at the end of the Swedish {@code day}: a transfer that day counts. */
    public String unitOn(LocalDate day) {
        return unitWhen(transfer -> !LedgerTime.dayOf(transfer.occurredAt).isAfter(day));
    }

    private String unitWhen(Predicate<Transfer> happenedBy) {
        // The transfers are held in recording order, and the case validated each against the unit it then had, so the
        // first recorded one leaves the unit the case was opened in.
        String at = transfers.isEmpty() ? unit : transfers.get(0).fromUnit;
        Instant latest = null;
        for (Transfer transfer : transfers) {
            if (happenedBy.test(transfer) && (latest == null || !transfer.occurredAt.isBefore(latest))) {
                at = transfer.toUnit;
                latest = transfer.occurredAt;
            }
        }
        return at;
    }

    /** An investigation: opened by one decision, closed by another or by closing the case, derived from the decisions. */
    public static class Investigation {
        public String openedBy;
        /** The unit the case belonged to when the investigation was opened. */
        public String unit;
        public String status;
        public LocalDate openedOn;
        public LocalDate deadline;
        /** The deadline the law recognises: moved only by extensions decided on or before the deadline then in force. */
        public LocalDate statutoryDeadline;
        public int extensions;
        public int lateExtensions;
        public LocalDate closedOn;
        /** The decision that closed it; {@code null} while open, and when it ended with the case, never concluded. */
        public String closedBy;
        public LocalDate childHeardOn;
        public String childNotHeardReason;
        /** The day the reason the child was not heard was given. */
        public LocalDate childNotHeardOn;
    }

    /** The child heard, or the reason why not, at the time it happened. */
    public static class Hearing {
        public Instant occurredAt;
        public boolean heard;
        public String reason;
    }

    public static class Report extends Item {
        public String reporterType;
        public Instant receivedAt;
        public String summary;
        /** The unit the case belonged to when the report was received: its figures count there. */
        public String unit;
        public Boolean immediateNeedOfProtection;
        public Instant protectionAssessedAt;
        /**
         * Received while an investigation was open (in business time): it joins that investigation and needs no
         * preliminary assessment.
         */
        public boolean duringOpenInvestigation;
        public String preliminaryDecision;
        public LocalDate preliminaryDecisionOn;
        /**
         * The last day of the preliminary assessment the law recognises: fourteen days from receipt, moved only by
         * extensions decided on or before the deadline then in force; {@code null} when none is needed.
         */
        public LocalDate assessmentDeadline;
        /** The decisions that extended it in time, in the order they were decided; their rationale is the reason. */
        public List<String> assessmentExtendedBy = new ArrayList<>();
        /** Extensions decided after the deadline then in force: recorded, and they do not count. */
        public int lateAssessmentExtensions;
    }

    public static class Decision extends Item {
        /** The unit the case belonged to when the decision was made. */
        public String unit;
        public String kind;
        public String legalBasis;
        public String delegationRule;
        public String decidedBy;
        public String decidedInRole;
        public LocalDate decisionDate;
        public Instant decidedAt;
        /** For a decision to open or extend an investigation: the deadline it set. */
        public LocalDate investigationDeadline;
        /** For a decision to extend a preliminary assessment: the deadline it set. */
        public LocalDate assessmentDeadline;
        public String rationale;
        public boolean appealable;
        public boolean appealInformationGiven;
        public String interventionId;
    }

    public static class Visit extends Item {
        public Instant bookedAt;
        public Instant plannedAt;
        public String place;
        public String status;
        public String cancelledBy;
        public Instant outcomeAt;
    }

    public static class Contact extends Item {
        public String channel;
        /** The partner type, under the name the case view has always used; {@code null} when no partner took part. */
        public String partner;
        /** FAMILY, OFFICE or PARTNER; NOT_RECORDED for contacts recorded before the ledger asked. */
        public String initiatedBy;
        public Instant occurredAt;
    }

    public static class Note extends Item {
        /** The unit the case belonged to when what the note describes happened. */
        public String unit;
        public Instant occurredAt;
        public Instant recordedAt;
        public String author;
        public String text;
        /** For a correction: the note it corrects. The original stays in the list, readable. */
        public String corrects;
        public String correctionReason;
        public List<String> correctedBy = new ArrayList<>();
    }

    public static class Intervention extends Item {
        public String type;
        public Boolean voluntary;
        public String status;
        public boolean granted;
        public boolean denied;
        public Instant offeredAt;
        public Instant answeredAt;
        /** The family's answer to the offer, ACCEPTED or DECLINED, kept when the status moves on. */
        public String answer;
        public Instant startedAt;
        public int followUps;
        public Instant endedAt;
        public String endReason;
    }

    public static class Consent extends Item {
        public String person;
        public String partner;
        public String partnerName;
        public String purpose;
        public LocalDate validFrom;
        public LocalDate validUntil;
        public Instant withdrawnAt;
    }

    public static class Disclosure extends Item {
        /** The unit the case belonged to when the information was disclosed. */
        public String unit;
        public String partner;
        public String partnerName;
        public String consent;
        public String provision;
        public Instant occurredAt;
    }

    public static class Transfer {
        public String fromUnit;
        public String toUnit;
        public Instant occurredAt;
    }

    public static class Closure {
        public Instant closedAt;
        public String reason;
    }
}
