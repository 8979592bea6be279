package org.caseledger.verify.note;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The keys a reader knows, and the rules of c2sp.org/signed-note for opening a note with them: a signature whose key
 * name and ID match no known key is ignored; one that matches must hold, or the whole note is refused; and at least
 * one must hold. A key's repeated signature is checked once.
 */
public final class NoteVerifiers {

    private final List<NoteVerifier> verifiers;

    public NoteVerifiers(Collection<? extends NoteVerifier> verifiers) {
        Set<String> seen = new HashSet<>();
        for (NoteVerifier verifier : verifiers) {
            if (!seen.add(verifier.keyName() + "+" + verifier.keyId())) {
                throw new IllegalArgumentException("two known keys share the name and key ID " + verifier.keyName()
                        + "+" + HexFormat.of().toHexDigits(verifier.keyId()) + ": a signature could not say which it is");
            }
        }
        this.verifiers = List.copyOf(verifiers);
    }

    public VerifiedNote open(byte[] note) throws MalformedNoteException, NoteVerificationException {
        return open(Note.parse(note));
    }

    public VerifiedNote open(Note note) throws NoteVerificationException {
        byte[] text = note.textBytes();
        List<VerifiedNote.Verified> verified = new ArrayList<>();
        List<NoteSignature> unknown = new ArrayList<>();
        Set<NoteVerifier> used = new HashSet<>();
        for (NoteSignature signature : note.signatures()) {
            Optional<NoteVerifier> verifier = verifiers.stream().filter(signature::isBy).findFirst();
            if (verifier.isEmpty()) {
                if (!unknown.contains(signature)) {
                    unknown.add(signature);
                }
                continue;
            }
            if (!used.add(verifier.get())) {
                continue;
            }
            if (!verifier.get().verify(text, signature.signature())) {
                throw new NoteVerificationException(NoteVerificationException.Reason.INVALID_SIGNATURE,
                        "the signature of " + signature.keyName() + "+" + HexFormat.of().toHexDigits(signature.keyId()) + " does not hold");
            }
            verified.add(new VerifiedNote.Verified(signature, verifier.get()));
        }
        if (verified.isEmpty()) {
            throw new NoteVerificationException(NoteVerificationException.Reason.NO_KNOWN_SIGNATURE,
                    "no signature of a known key is on the note");
        }
        return new VerifiedNote(note, verified, unknown);
    }
}
