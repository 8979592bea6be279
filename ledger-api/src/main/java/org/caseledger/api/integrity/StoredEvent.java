package org.caseledger.api.integrity;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.caseledger.verify.event.EventEnvelope;
import org.caseledger.verify.event.EventHash;
import org.caseledger.verify.primitives.Sha256;

/** One event as stored (or as exported), with what is needed to check it on its own and as a link of its chain. */
public record StoredEvent(long globalIndex, String aggregateId, long sequenceNumber, String eventId, String payloadType,
                          String payloadRevision, byte[] payload, byte[] envelopeDigest, byte[] payloadDigest,
                          byte[] previousHash, byte[] hash) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Integer> ENVELOPE_FIELDS = Map.of("actor", 0, "role", 1, "unit", 2, "occurredAt", 3,
            "recordedAt", 4, "correlationId", 5, "causationId", 6, "idempotencyKey", 7);
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
            // located at the first missing event, whose global position went with it
            return new VerificationReport.Problem(BreakKind.EVENT_MISSING, aggregateId, expectedSequence, null, null,
                    expectedSequence == sequenceNumber - 1
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
    public static EventEnvelope envelopeOf(byte[] payload) throws IOException {
        EventEnvelope envelope = streamedEnvelopeOf(payload);
        return envelope != null ? envelope : treeEnvelopeOf(payload);
    }

    /**
     * The envelope as {@link #treeEnvelopeOf} reads it, without building a tree of the whole payload: every token of
     * the first JSON value is still read and every string decoded, as reading the tree does, so a payload that is no
     * longer readable JSON is still found. {@code null} when the payload is anything but the plain case (unreadable,
     * no envelope object, a key twice, an envelope value that is neither text nor null): the tree decides those, with
     * its own words for what is wrong.
     */
    static EventEnvelope streamedEnvelopeOf(byte[] payload) {
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String[] values = null;
            Set<String> names = new HashSet<>();
            String name;
            while ((name = parser.nextFieldName()) != null) {
                if (!names.add(name)) {
                    return null;
                }
                JsonToken value = parser.nextToken();
                if (name.equals("envelope")) {
                    if (value != JsonToken.START_OBJECT || (values = envelopeValues(parser)) == null) {
                        return null;
                    }
                } else if (!readValue(parser, value)) {
                    return null;
                }
            }
            if (values == null || parser.currentToken() != JsonToken.END_OBJECT) {
                return null;
            }
            return new EventEnvelope(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The envelope's fields in {@link #ENVELOPE_FIELDS} order, the parser on the envelope's start; {@code null} if odd. */
    private static String[] envelopeValues(JsonParser parser) throws IOException {
        String[] values = new String[ENVELOPE_FIELDS.size()];
        Set<String> names = new HashSet<>();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            if (!names.add(name)) {
                return null;
            }
            Integer field = ENVELOPE_FIELDS.get(name);
            if (value == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                if (field != null) {
                    values[field] = text;
                }
            } else if (value != JsonToken.VALUE_NULL && (field != null || !readValue(parser, value))) {
                return null;
            }
        }
        return parser.currentToken() == JsonToken.END_OBJECT ? values : null;
    }

    /**
     * Reads one value as building a tree would: strings decoded, numbers converted, nested values token by token.
     * {@code false} when the nesting is deeper than is worth following here.
     */
    private static boolean readValue(JsonParser parser, JsonToken value) throws IOException {
        int depth = 0;
        JsonToken token = value;
        while (true) {
            if (token == null) {
                return false;
            }
            switch (token) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_STRING -> parser.finishToken();
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
                default -> {
                }
            }
            if (depth == 0) {
                return true;
            }
            token = parser.nextToken();
        }
    }

    /** The envelope read from a tree of the whole payload: the definition the streamed reading must agree with. */
    static EventEnvelope treeEnvelopeOf(byte[] payload) throws IOException {
        JsonNode envelope = JSON.readTree(payload).get("envelope");
        if (envelope == null || !envelope.isObject()) {
            throw new IllegalArgumentException("it has no envelope");
        }
        return new EventEnvelope(text(envelope, "actor"), text(envelope, "role"), text(envelope, "unit"),
                text(envelope, "occurredAt"), text(envelope, "recordedAt"), text(envelope, "correlationId"),
                text(envelope, "causationId"), text(envelope, "idempotencyKey"));
    }

    private static String text(JsonNode envelope, String field) {
        JsonNode value = envelope.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
