package org.caseledger.projections.caseview;

/**
 * Opens the personal text a read model holds sealed. The read models are folded from events whose personal fields
 * are still encrypted, and keep them so: a fold or a rebuild reads no key and decrypts nothing, the tables hold no
 * personal plaintext at rest, and an erasure, by destroying the keys, leaves nothing in them to forget. The text is
 * opened only when a view is answered (docs/privacy.md, "What erasure removes, and when").
 */
public interface PersonalText {

    /** The text a stored value stands for: opened when it is sealed (erased when its key is destroyed), else as it is. */
    String open(String stored);
}
