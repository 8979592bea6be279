package org.caseledger.api.access;

import java.util.UUID;

/**
 * Keeps the purpose a reader states in {@code X-Purpose} out of the access log's plaintext: the log stores, and its hash
 * chain covers, what {@link #seal} gives; auditors are answered with what {@link #open} gives. Implemented by the
 * privacy package, which holds the keys.
 */
public interface StatedPurposes {

    /**
     * The purpose as it is to be stored: encrypted under the key of the case read, else of the person read, else of the
     * year (docs/privacy.md). Null stays null.
     */
    String seal(UUID caseId, UUID personId, String purpose);

    /** The stored purpose as a person reads it: the text, or the erased marker once its key is destroyed. */
    String open(String stored);
}
