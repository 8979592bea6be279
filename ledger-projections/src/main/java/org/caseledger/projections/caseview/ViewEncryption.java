package org.caseledger.projections.caseview;

import java.util.Optional;
import java.util.UUID;

/**
 * Encrypts a case view's stored document under its case file's key, so that the read model holds no personal plaintext
 * at rest: an erasure destroys the key, and with it every copy of the document a table file, a TOAST chunk or the WAL
 * still holds (docs/privacy.md, "What erasure removes, and when").
 */
public interface ViewEncryption {

    /** The document as stored: encrypted under the case file's key, or as it is when the case file has no key. */
    String encrypt(UUID caseId, String document);

    /** The stored document decrypted (or as it is, when it was stored unencrypted); empty when its key was destroyed. */
    Optional<String> decrypt(UUID caseId, String stored);
}
