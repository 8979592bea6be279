package org.caseledger.api.integrity;

/** What a verification of the ledger found, as the API answers it and the pages word it ({@code integrity.<STATUS>}). */
public enum VerificationStatus {
    /** Every event and checkpoint checked out, and every event is sealed. */
    INTACT,
    /** The only finding is events after the last checkpoint, not yet sealed. */
    UNSEALED,
    /** A problem was found; the report locates the first. */
    BROKEN
}
