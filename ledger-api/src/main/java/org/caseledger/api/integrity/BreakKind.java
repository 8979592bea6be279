package org.caseledger.api.integrity;

/** What verification found wrong, as specific as the evidence allows. */
public enum BreakKind {
    /** The payload bytes differ from the digest taken when the event was appended. */
    PAYLOAD_CHANGED,
    /** Who, when, in which role or for which request differs from what was appended. */
    ENVELOPE_CHANGED,
    /** The event's stored hash does not match its content, or differs from the hash a checkpoint sealed. */
    EVENT_CHANGED,
    /** An event that was appended (a sequence number, or a sealed position) is no longer there. */
    EVENT_MISSING,
    /** An event is where no event was sealed, or its chain link does not follow the event before it. */
    EVENT_INSERTED,
    /**
     * The row's authenticator is missing or does not match its hash: it was not appended by the ledger, or was rewritten
     * with its hashes recomputed.
     */
    EVENT_NOT_AUTHENTIC,
    /** The event's hash fits another place in its stream than the one it is stored at. */
    ORDER_CHANGED,
    /**
     * A checkpoint's entry (which event it sealed at a position) was changed, while the event sealed there is intact: the
     * bookkeeping was altered, not the record.
     */
    ENTRY_CHANGED,
    /** A checkpoint's signature does not verify with the ledger's public key. */
    CHECKPOINT_SIGNATURE_INVALID,
    /** A checkpoint does not follow the previous one, or its sealed entries do not give its Merkle root. */
    CHECKPOINT_CHAIN_BROKEN,
    /**
     * The newest checkpoint in the database is older than, or differs from, the newest this ledger signed and remembers
     * outside the database (or a witness cosigned): checkpoints were removed, and perhaps history sealed again.
     */
    CHECKPOINT_ROLLED_BACK,
    /**
     * The read-access log was changed: an entry rewritten, inserted or removed, a seal of it removed or not signed by
     * the ledger.
     */
    ACCESS_LOG_CHANGED,
    /** Events appended after the last checkpoint: their chains verify, but no signature covers them yet. */
    EVENTS_UNSEALED
}
