package org.caseledger.core.integrity;

import org.caseledger.verify.primitives.Sha256;
import java.time.Instant;
import org.caseledger.verify.event.CanonicalFields;

/**
 * What a checkpoint seals: the events with global index {@code fromIndex..toIndex} (both included; gaps left by
 * rolled-back transactions hold no event), {@code eventCount} of them, chained to the previous checkpoint. The signature
 * is over {@link #canonicalBytes()}.
 * <p>
 * In format 2 the root is the ledger's one Merkle tree (RFC 9162) over every event sealed so far, of {@code treeSize}
 * leaves: the root the checkpoint's note publishes. Format 1, written before that tree existed, sealed a tree of its own
 * events only ({@code treeSize} 0); such checkpoints stay verifiable as they were signed.
 */
public record CheckpointSeal(int format, long number, long fromIndex, long toIndex, int eventCount, long treeSize, byte[] root,
                             byte[] previousCheckpointHash, Instant sealedAt, String keyId) {

    /** The previous checkpoint hash of the first checkpoint. */
    public static final byte[] GENESIS = new byte[Sha256.LENGTH];

    /** The format every new checkpoint is sealed in. */
    public static final int CURRENT_FORMAT = 2;

    public CheckpointSeal {
        if (format != 1 && format != CURRENT_FORMAT) {
            throw new IllegalArgumentException("no checkpoint format " + format);
        }
    }

    /** A checkpoint of the current format: the events of {@code fromIndex..toIndex} make the tree {@code treeSize, root}. */
    public static CheckpointSeal of(long number, long fromIndex, long toIndex, int eventCount, long treeSize, byte[] root,
                                    byte[] previousCheckpointHash, Instant sealedAt, String keyId) {
        return new CheckpointSeal(CURRENT_FORMAT, number, fromIndex, toIndex, eventCount, treeSize, root, previousCheckpointHash,
                sealedAt, keyId);
    }

    public byte[] canonicalBytes() {
        CanonicalFields fields = new CanonicalFields("case-ledger/checkpoint/" + format)
                .field("number", number)
                .field("from-index", fromIndex)
                .field("to-index", toIndex)
                .field("event-count", eventCount);
        if (format == 1) {
            fields.field("merkle-root", Sha256.hex(root));
        } else {
            fields.field("tree-size", treeSize).field("tree-root", Sha256.hex(root));
        }
        return fields
                .field("previous-checkpoint-hash", Sha256.hex(previousCheckpointHash))
                .field("sealed-at", sealedAt.toString())
                .field("key-id", keyId)
                .bytes();
    }

    public byte[] hash() {
        return Sha256.of(canonicalBytes());
    }
}
