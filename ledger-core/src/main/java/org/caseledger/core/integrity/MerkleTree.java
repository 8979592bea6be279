package org.caseledger.core.integrity;

import java.util.List;
import org.caseledger.verify.tlog.InMemoryTreeHashes;

/**
 * The root of a Merkle tree over the event hashes a checkpoint sealed, as RFC 9162 (Certificate Transparency 2.0)
 * defines it: leaves are {@code SHA-256(0x00 || eventHash)}, inner nodes {@code SHA-256(0x01 || left || right)}, and a
 * tree of n leaves splits at the largest power of two below n. The hashing is the kit's ({@code org.caseledger.verify.tlog}),
 * the one definition proofs are made and checked with.
 */
public final class MerkleTree {

    private final List<byte[]> eventHashes;

    public MerkleTree(List<byte[]> eventHashes) {
        if (eventHashes.isEmpty()) {
            throw new IllegalArgumentException("a checkpoint seals at least one event");
        }
        this.eventHashes = List.copyOf(eventHashes);
    }

    public int size() {
        return eventHashes.size();
    }

    public byte[] root() {
        return InMemoryTreeHashes.ofLeaves(eventHashes).root(eventHashes.size()).bytes();
    }
}
