package org.caseledger.projections.laterecording;

import java.time.Instant;
import java.util.List;
import org.caseledger.projections.compliance.ComplianceRule;

/**
 * A decision, an extension of an investigation or a hearing of the child that the ledger recorded long after it happened
 * (more than {@link LateRecordings#LONG_AFTER}).
 *
 * @param caseId         the case
 * @param caseNumber     its number
 * @param unit           the unit that had the case when it was recorded: the one that recorded it late
 * @param sequenceNumber the event's place in the case's stream
 * @param type           the stored event type
 * @param decisionKind   for a decision, its kind; otherwise {@code null}
 * @param occurredAt     when it happened
 * @param recordedAt     when the ledger recorded it
 * @param daysAfter      whole days between the two
 * @param missesTurned   the rules whose check was missed or overdue on the day it was recorded and is met, or again within
 *                       its deadline, with it: a miss it turned into a pass
 */
public record LateRecording(String caseId, String caseNumber, String unit, long sequenceNumber, String type, String decisionKind,
                            Instant occurredAt, Instant recordedAt, long daysAfter, List<ComplianceRule> missesTurned) {

    public LateRecording {
        missesTurned = List.copyOf(missesTurned);
    }
}
