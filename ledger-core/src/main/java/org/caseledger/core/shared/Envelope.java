package org.caseledger.core.shared;

import java.time.Duration;
import java.time.Instant;

/**
 * Who recorded a fact, in what role and unit, when it happened and when it was recorded, and which
 * request it belongs to. Every command carries one and every event copies it, so the stored event is
 * self-describing for an auditor.
 *
 * @param actor          the member of staff who acted
 * @param role           the role the actor acted in
 * @param unit           the unit the actor acted for
 * @param occurredAt     business time: when it happened (may lie in the past)
 * @param recordedAt     server time: when the ledger received it
 * @param correlationId  groups everything done for one piece of work (client supplied or generated)
 * @param causationId    the id of the command message that caused the event
 * @param idempotencyKey the client's key for safe retries, or {@code null} if none was sent
 */
public record Envelope(
        StaffId actor,
        Role role,
        UnitId unit,
        Instant occurredAt,
        Instant recordedAt,
        String correlationId,
        String causationId,
        String idempotencyKey) {

    /** Clocks of integrating systems drift; a fact may be reported this far ahead of the server's clock. */
    public static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(5);

    public Envelope {
        Require.present(actor, "actor");
        Require.present(role, "role");
        Require.present(unit, "unit");
        Require.present(occurredAt, "occurredAt");
        Require.present(recordedAt, "recordedAt");
        Require.text(correlationId, "correlationId", 200);
        Require.text(causationId, "causationId", 200);
        Require.optionalText(idempotencyKey, "idempotencyKey", 200);
        if (occurredAt.isAfter(recordedAt.plus(ALLOWED_CLOCK_SKEW))) {
            throw new LedgerRuleViolation(LedgerRule.OCCURRED_IN_FUTURE,
                    "occurredAt " + occurredAt + " lies after the time of recording " + recordedAt, occurredAt, recordedAt);
        }
    }
}
