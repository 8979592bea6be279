package org.caseledger.verify.note;

import java.util.List;

/**
 * A note at least one known key vouches for: the signatures that held, each with the key that checked it, and the
 * signatures of unknown keys, which were ignored.
 */
public record VerifiedNote(Note note, List<Verified> verified, List<NoteSignature> unknown) {

    public VerifiedNote {
        verified = List.copyOf(verified);
        unknown = List.copyOf(unknown);
    }

    public String text() {
        return note.text();
    }

    /** A signature that held and the key that held it. */
    public record Verified(NoteSignature signature, NoteVerifier verifier) {
    }
}
