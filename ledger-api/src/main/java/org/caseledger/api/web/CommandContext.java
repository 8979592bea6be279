package org.caseledger.api.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.caseledger.api.security.StaffUser;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.ValueProblem;

/**
 * What a command request carries besides its body: who sends it, when the ledger received it, the
 * correlation id, the idempotency key and the version named in {@code If-Match}. Controllers take it as a
 * parameter and ask it for envelopes.
 */
public record CommandContext(
        StaffUser staff,
        Instant recordedAt,
        String correlationId,
        String idempotencyKey,
        Long expectedVersion,
        String method,
        String path) {

    /**
     * No fact the ledger takes happened before 1900 (Swedish time): nobody a case is about, nor any record of the
     * office, is older. Checked where a command is built, not in the envelope, so that every event stored stays readable.
     */
    public static final Instant EARLIEST_OCCURRED_AT = LocalDate.of(1900, 1, 1).atStartOfDay(LedgerTime.ZONE).toInstant();

    /**
     * An envelope for one command; each gets its own causation id, which is also the id the command message is
     * sent with. A fact without a stated time is taken to have happened when it was recorded.
     */
    public Envelope envelope(Instant occurredAt) {
        if (occurredAt != null && occurredAt.isBefore(EARLIEST_OCCURRED_AT)) {
            throw new InvalidValueException("occurredAt", ValueProblem.OUT_OF_RANGE, "occurredAt must lie between "
                    + EARLIEST_OCCURRED_AT + " and the time of recording", EARLIEST_OCCURRED_AT, recordedAt.plus(Envelope.ALLOWED_CLOCK_SKEW));
        }
        return new Envelope(staff.staffId(), staff.role(), staff.unit(), occurredAt == null ? recordedAt : occurredAt,
                recordedAt, correlationId, UUID.randomUUID().toString(), idempotencyKey);
    }
}
