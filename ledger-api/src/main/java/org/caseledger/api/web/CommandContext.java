package org.caseledger.api.web;

import java.time.Instant;
import java.util.UUID;
import org.caseledger.api.security.StaffUser;
import org.caseledger.core.shared.Envelope;

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
     * An envelope for one command; each gets its own causation id, which is also the id the command message is
     * sent with. A fact without a stated time is taken to have happened when it was recorded.
     */
    public Envelope envelope(Instant occurredAt) {
        return new Envelope(staff.staffId(), staff.role(), staff.unit(), occurredAt == null ? recordedAt : occurredAt,
                recordedAt, correlationId, UUID.randomUUID().toString(), idempotencyKey);
    }
}
