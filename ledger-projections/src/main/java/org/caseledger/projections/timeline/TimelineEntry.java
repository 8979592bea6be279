package org.caseledger.projections.timeline;

import java.time.Instant;

/**
 * One event of a case as a person reads it.
 *
 * @param sequenceNumber the event's place in the case's stream
 * @param type           the stored event type
 * @param what           what happened, in plain words
 * @param occurredAt     when it happened
 * @param recordedAt     when the ledger recorded it
 * @param actor          who recorded it
 * @param role           in which role
 * @param unit           for which unit
 * @param legalBasis     for a decision: the cited provision in words; otherwise {@code null}
 * @param correctedBy    for a journal note that was corrected: the sequence number of the correction
 * @param corrects       for a correction: the sequence number of the note it corrects, shown beside it
 */
public record TimelineEntry(long sequenceNumber, String type, String what, Instant occurredAt, Instant recordedAt,
                            String actor, String role, String unit, String legalBasis, Long correctedBy, Long corrects) {

    TimelineEntry withCorrectedBy(long correction) {
        return new TimelineEntry(sequenceNumber, type, what, occurredAt, recordedAt, actor, role, unit, legalBasis, correction, corrects);
    }
}
