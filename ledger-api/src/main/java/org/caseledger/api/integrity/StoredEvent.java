package org.caseledger.api.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import org.caseledger.core.integrity.CanonicalEnvelope;
import org.caseledger.core.integrity.EventHash;
import org.caseledger.core.integrity.Sha256;

/** One event as stored (or as exported), with what is needed to check it on its own and as a link of its chain. */
public record StoredEvent(long globalIndex, String aggregateId, long sequenceNumber, String eventId, String payloadType,
                          String payloadRevision, byte[] payload, byte[] envelopeDigest, byte[] payloadDigest,
                          byte[] previousHash, byte[] hash) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ORDER_SEARCH = 3;

    /**
     * Checks the event against its own content: the envelope and payload digests, then its hash. {@code null} when
     * it holds up.
     */
    public VerificationReport.Problem checkContent() {
        byte[] envelope;
        try {
            envelope = envelopeOf(payload).digest();
        } catch (IOException | IllegalArgumentException e) {
            return problem(BreakKind.PAYLOAD_CHANGED, "the payload is no longer a readable event: " + e.getMessage());
        }
        if (!Arrays.equals(envelope, envelopeDigest)) {
            return problem(BreakKind.ENVELOPE_CHANGED, "the envelope (actor, role, unit, times or request ids) differs from what was appended");
        }
        if (!Arrays.equals(Sha256.of(payload), payloadDigest)) {
            return problem(BreakKind.PAYLOAD_CHANGED, "the payload bytes differ from what was appended");
        }
        if (!Arrays.equals(hashAt(sequenceNumber), hash)) {
            for (long other = Math.max(0, sequenceNumber - ORDER_SEARCH); other <= sequenceNumber + ORDER_SEARCH; other++) {
                if (other != sequenceNumber && Arrays.equals(hashAt(other), hash)) {
                    return problem(BreakKind.ORDER_CHANGED, "the event was appended as sequence number " + other
                            + " of its stream and is now stored as " + sequenceNumber);
                }
            }
            return problem(BreakKind.EVENT_CHANGED, "the stored hash does not match the event's identity, digests and link");
        }
        return null;
    }

    /** Checks that the event links to the one before it in its stream. {@code null} when it does. */
    public VerificationReport.Problem checkLink(long expectedSequence, byte[] expectedPreviousHash) {
        if (sequenceNumber > expectedSequence) {
            return problem(BreakKind.EVENT_MISSING, expectedSequence == sequenceNumber - 1
                    ? "event " + expectedSequence + " of the stream is missing"
                    : "events " + expectedSequence + " to " + (sequenceNumber - 1) + " of the stream are missing");
        }
        if (!Arrays.equals(previousHash, expectedPreviousHash)) {
            return problem(BreakKind.EVENT_INSERTED, "the event does not link to the event stored before it in its stream");
        }
        return null;
    }

    VerificationReport.Problem problem(BreakKind kind, String detail) {
        return new VerificationReport.Problem(kind, aggregateId, sequenceNumber, globalIndex, null, detail);
    }

    private byte[] hashAt(long sequence) {
        return new EventHash(aggregateId, sequence, eventId, payloadType, payloadRevision, envelopeDigest, payloadDigest,
                previousHash).compute();
    }

    /** The envelope exactly as the stored payload JSON holds it: what the envelope digest is computed over. */
    public static CanonicalEnvelope envelopeOf(byte[] payload) throws IOException {
        JsonNode envelope = JSON.readTree(payload).get("envelope");
        if (envelope == null || !envelope.isObject()) {
            throw new IllegalArgumentException("it has no envelope");
        }
        return new CanonicalEnvelope(text(envelope, "actor"), text(envelope, "role"), text(envelope, "unit"),
                text(envelope, "occurredAt"), text(envelope, "recordedAt"), text(envelope, "correlationId"),
                text(envelope, "causationId"), text(envelope, "idempotencyKey"));
    }

    private static String text(JsonNode envelope, String field) {
        JsonNode value = envelope.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
