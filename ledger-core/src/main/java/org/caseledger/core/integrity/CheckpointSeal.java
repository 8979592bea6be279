package org.caseledger.core.integrity;

import org.caseledger.verify.primitives.Sha256;
import java.time.Instant;
import org.caseledger.verify.event.CanonicalFields;

/**
 * What a checkpoint seals: the events with global index {@code fromIndex..toIndex} (both included; gaps left by
 * rolled-back transactions hold no event), {@code eventCount} of them, by the Merkle root of their hashes in
 * global order, chained to the previous checkpoint. The signature is over {@link #canonicalBytes()}.
 */
public record CheckpointSeal(long number, long fromIndex, long toIndex, int eventCount, byte[] merkleRoot,
                             byte[] previousCheckpointHash, Instant sealedAt, String keyId) {

    /** The previous checkpoint hash of the first checkpoint. */
    public static final byte[] GENESIS = new byte[Sha256.LENGTH];

    public byte[] canonicalBytes() {
        return new CanonicalFields("case-ledger/checkpoint/1")
                .field("number", number)
                .field("from-index", fromIndex)
                .field("to-index", toIndex)
                .field("event-count", eventCount)
                .field("merkle-root", Sha256.hex(merkleRoot))
                .field("previous-checkpoint-hash", Sha256.hex(previousCheckpointHash))
                .field("sealed-at", sealedAt.toString())
                .field("key-id", keyId)
                .bytes();
    }

    public byte[] hash() {
        return Sha256.of(canonicalBytes());
    }
}
