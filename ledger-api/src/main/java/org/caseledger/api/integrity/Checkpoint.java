package org.caseledger.api.integrity;

import org.caseledger.core.integrity.CheckpointSeal;

/** A sealed checkpoint: what it seals and the signature over it. */
public record Checkpoint(CheckpointSeal seal, byte[] signature) {

    public long number() {
        return seal.number();
    }

    public long toIndex() {
        return seal.toIndex();
    }

    public int eventCount() {
        return seal.eventCount();
    }

    public byte[] hash() {
        return seal.hash();
    }
}
