package org.caseledger.core.integrity;

import org.caseledger.verify.primitives.Sha256;
import java.security.MessageDigest;
import org.caseledger.verify.event.CanonicalFields;

/**
 * What a snapshot's MAC covers: the snapshot exactly as stored, and the hash of its aggregate's event at the
 * snapshot's sequence number, which binds the snapshot to the chain. The canonical form is documented in
 * {@code docs/integrity.md}; change it only with a new header version.
 *
 * @param aggregateId     the stream the snapshot was taken of
 * @param sequenceNumber  the sequence number of the last event it contains
 * @param payloadType     the stored payload type (the aggregate's class name)
 * @param payloadRevision the stored revision, or {@code null}
 * @param payloadDigest   SHA-256 of the stored payload bytes
 * @param eventHash       the hash of the aggregate's event at {@code sequenceNumber}
 */
public record SnapshotBinding(String aggregateId, long sequenceNumber, String payloadType, String payloadRevision,
                              byte[] payloadDigest, byte[] eventHash) {

    public byte[] canonical() {
        return new CanonicalFields("case-ledger/snapshot/1")
                .field("aggregate-id", aggregateId)
                .field("sequence-number", sequenceNumber)
                .field("payload-type", payloadType)
                .field("payload-revision", payloadRevision)
                .field("payload-sha256", Sha256.hex(payloadDigest))
                .field("event-hash", Sha256.hex(eventHash))
                .bytes();
    }

    public byte[] mac(byte[] key) {
        return HmacSha256.of(key, canonical());
    }

    /** Compared in constant time, so that the time taken tells nothing about how much of a forged MAC is right. */
    public boolean matches(byte[] key, byte[] mac) {
        return mac != null && MessageDigest.isEqual(mac(key), mac);
    }
}
