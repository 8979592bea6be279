package org.caseledger.core.integrity;

import org.caseledger.core.shared.Envelope;
import org.caseledger.verify.event.EventEnvelope;

/**
 * The envelope of an event as the text its digest is computed over (instants in ISO-8601 UTC, as the stored JSON holds
 * them), so the appender (from the record) and any verifier (from the stored JSON) compute the same digest. The form
 * itself is the kit's {@link EventEnvelope}.
 */
public final class CanonicalEnvelope {

    private CanonicalEnvelope() {
    }

    public static EventEnvelope of(Envelope envelope) {
        return new EventEnvelope(envelope.actor().value(), envelope.role().name(), envelope.unit().value(),
                envelope.occurredAt().toString(), envelope.recordedAt().toString(), envelope.correlationId(),
                envelope.causationId(), envelope.idempotencyKey());
    }
}
