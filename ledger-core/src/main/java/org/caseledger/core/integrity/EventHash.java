package org.caseledger.core.integrity;

/**
 * The hash of one stored event, chained to the previous event of the same aggregate. The canonical form is
 * documented in {@code docs/integrity.md}; change it only with a new header version.
 *
 * @param aggregateId     the stream the event belongs to
 * @param sequenceNumber  its place in that stream, from 0
 * @param eventId         the event's unique id
 * @param payloadType     the stored payload type (the event class name)
 * @param payloadRevision the stored revision, or {@code null}
 * @param envelopeDigest  SHA-256 of the canonical envelope
 * @param payloadDigest   SHA-256 of the stored payload bytes
 * @param previousHash    the hash of the aggregate's previous event, or {@link #GENESIS} for the first
 */
public record EventHash(String aggregateId, long sequenceNumber, String eventId, String payloadType, String payloadRevision,
                        byte[] envelopeDigest, byte[] payloadDigest, byte[] previousHash) {

    /** The previous hash of every aggregate's first event. */
    public static final byte[] GENESIS = new byte[Sha256.LENGTH];

    public byte[] compute() {
        return Sha256.of(new CanonicalFields("case-ledger/event/1")
                .field("aggregate-id", aggregateId)
                .field("sequence-number", sequenceNumber)
                .field("event-id", eventId)
                .field("payload-type", payloadType)
                .field("payload-revision", payloadRevision)
                .field("envelope-sha256", Sha256.hex(envelopeDigest))
                .field("payload-sha256", Sha256.hex(payloadDigest))
                .field("previous-hash", Sha256.hex(previousHash))
                .bytes());
    }
}
