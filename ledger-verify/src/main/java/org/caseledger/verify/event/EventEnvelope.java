package org.caseledger.verify.event;

import java.util.Map;
import org.caseledger.verify.json.MalformedJsonException;
import org.caseledger.verify.json.StrictJson;

/**
 * The envelope of a stored event as text, exactly as the stored payload JSON holds it (instants in ISO-8601 UTC), and
 * its digest: SHA-256 of the canonical field list with header {@code case-ledger/envelope/1}.
 */
public record EventEnvelope(String actor, String role, String unit, String occurredAt, String recordedAt,
                            String correlationId, String causationId, String idempotencyKey) {

    /** Payloads are bounded by the file that carries them; events are small, so their nesting is too. */
    private static final StrictJson.Limits PAYLOAD = new StrictJson.Limits(Integer.MAX_VALUE, 256, false);

    public byte[] digest() {
        return new CanonicalFields("case-ledger/envelope/1")
                .field("actor", actor)
                .field("role", role)
                .field("unit", unit)
                .field("occurred-at", occurredAt)
                .field("recorded-at", recordedAt)
                .field("correlation-id", correlationId)
                .field("causation-id", causationId)
                .field("idempotency-key", idempotencyKey)
                .sha256();
    }

    /**
     * The envelope of a stored payload: the object {@code envelope} of the payload's top-level object, each field a
     * string or null (null and absent are both absent).
     *
     * @throws MalformedJsonException when the payload is not strict JSON, or has no such envelope
     */
    public static EventEnvelope ofPayload(byte[] payload) throws MalformedJsonException {
        if (!(StrictJson.parse(payload, PAYLOAD) instanceof Map<?, ?> event) || !(event.get("envelope") instanceof Map<?, ?> envelope)) {
            throw new MalformedJsonException("the payload has no envelope object");
        }
        return new EventEnvelope(text(envelope, "actor"), text(envelope, "role"), text(envelope, "unit"), text(envelope, "occurredAt"),
                text(envelope, "recordedAt"), text(envelope, "correlationId"), text(envelope, "causationId"), text(envelope, "idempotencyKey"));
    }

    private static String text(Map<?, ?> envelope, String field) throws MalformedJsonException {
        Object value = envelope.get(field);
        if (value == null || value == StrictJson.NULL) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        throw new MalformedJsonException("the envelope's " + field + " is not text");
    }
}
