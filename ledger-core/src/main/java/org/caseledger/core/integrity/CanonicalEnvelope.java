package org.caseledger.core.integrity;

import org.caseledger.core.shared.Envelope;

/**
 * The envelope of a stored event as text, exactly as the stored JSON holds it (instants in ISO-8601 UTC), so
 * the appender (from the record) and any verifier (from the JSON) compute the same digest.
 */
public record CanonicalEnvelope(String actor, String role, String unit, String occurredAt, String recordedAt,
                                String correlationId, String causationId, String idempotencyKey) {

    public static CanonicalEnvelope of(Envelope envelope) {
        return new CanonicalEnvelope(envelope.actor().value(), envelope.role().name(), envelope.unit().value(),
                envelope.occurredAt().toString(), envelope.recordedAt().toString(), envelope.correlationId(),
                envelope.causationId(), envelope.idempotencyKey());
    }

    public byte[] digest() {
        return Sha256.of(new CanonicalFields("case-ledger/envelope/1")
                .field("actor", actor)
                .field("role", role)
                .field("unit", unit)
                .field("occurred-at", occurredAt)
                .field("recorded-at", recordedAt)
                .field("correlation-id", correlationId)
                .field("causation-id", causationId)
                .field("idempotency-key", idempotencyKey)
                .bytes());
    }
}
