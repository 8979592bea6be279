package org.caseledger.verify.note;

/** A key that checks note signatures: the key name and key ID its signatures carry, and the check itself. */
public interface NoteVerifier {

    String keyName();

    int keyId();

    /** Does {@code signature} (the bytes after the key ID) sign the note text {@code text}? Never throws on bad input. */
    boolean verify(byte[] text, byte[] signature);
}
