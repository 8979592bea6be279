package org.caseledger.projections.timeline;

import java.time.Instant;
import java.util.List;
import org.caseledger.projections.compliance.ComplianceRule;
import org.caseledger.projections.laterecording.LateRecordings;

/**
 * One event of a case as a person reads it: its codes for programs, its sentence in the reader's language for people.
 *
 * @param sequenceNumber the event's place in the case's stream
 * @param type           the stored event type, a stable code
 * @param what           what happened, in the reader's words
 * @param occurredAt     when it happened
 * @param recordedAt     when the ledger recorded it
 * @param actor          who recorded it
 * @param role           in which role, as a code
 * @param unit           for which unit
 * @param legalBasis     for a decision, or a disclosure under a provision: the provision as a lawyer writes it; otherwise {@code null}
 * @param legalBasisId   the id of that provision in the law catalogue; otherwise {@code null}
 * @param correctedBy    for a journal note that was corrected: the sequence number of the correction
 * @param corrects       for a correction: the sequence number of the note it corrects, shown beside it
 * @param recordedLate   for a decision, an extension or a hearing recorded long after it happened: how long, and the
 *                       misses it turned into passes; otherwise {@code null}
 * @param beforeReceipt  for a fact dated before the day the case was received (a contact or a journal note, as the
 *                       law's documentation duty allows): how many days before; otherwise {@code null}
 */
public record TimelineEntry(long sequenceNumber, String type, String what, Instant occurredAt, Instant recordedAt,
                            String actor, String role, String unit, String legalBasis, String legalBasisId, Long correctedBy,
                            Long corrects, RecordedLate recordedLate, BeforeReceipt beforeReceipt) {

    TimelineEntry withCorrectedBy(long correction) {
        return new TimelineEntry(sequenceNumber, type, what, occurredAt, recordedAt, actor, role, unit, legalBasis, legalBasisId,
                correction, corrects, recordedLate, beforeReceipt);
    }

    /**
     * A fact dated before the day its case was received.
     *
     * @param daysBefore whole days between the day it happened and the day the case was received (Swedish time)
     * @param what       that, in the reader's words
     */
    public record BeforeReceipt(long daysBefore, String what) {
    }

    /**
     * A fact recorded long after it happened ({@link LateRecordings#LONG_AFTER}).
     *
     * @param daysAfter    whole days between happening and recording
     * @param missesTurned the rules whose missed check it turned into a pass, as codes
     * @param what         both in the reader's words
     */
    public record RecordedLate(long daysAfter, List<ComplianceRule> missesTurned, String what) {
    }
}
