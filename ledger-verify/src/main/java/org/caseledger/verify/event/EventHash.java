package org.caseledger.verify.event;

import org.caseledger.verify.primitives.Sha256;

/**
 * The hash of one stored event, chained to the previous event of the same aggregate: SHA-256 of the canonical field
 * list with header {@code case-ledger/event/1} (docs/integrity.md). Change it only with a new header version.
 *
 * @param previousHash the hash of the aggregate's previous event, or {@link #GENESIS} for the first
 */
public record EventHash(String aggregateId, long sequenceNumber, String eventId, String payloadType, String payloadRevision,
                        byte[] envelopeDigest, byte[] payloadDigest, byte[] previousHash) {

    /** The previous hash of every aggregate's first event. */
    public static final byte[] GENESIS = new byte[Sha256.LENGTH];

    public byte[] compute() {
        return new CanonicalFields("case-ledger/event/1")
                .field("aggregate-id", aggregateId)
                .field("sequence-number", sequenceNumber)
                .field("event-id", eventId)
                .field("payload-type", payloadType)
                .field("payload-revision", payloadRevision)
                .hexField("envelope-sha256", envelopeDigest)
                .hexField("payload-sha256", payloadDigest)
                .hexField("previous-hash", previousHash)
                .sha256();
    }
}
