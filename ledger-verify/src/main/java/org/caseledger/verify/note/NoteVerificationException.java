package org.caseledger.verify.note;

/** A well-formed note that known keys do not vouch for. */
public final class NoteVerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the note is refused. */
    public enum Reason {
        /** No signature of a known key is on the note. */
        NO_KNOWN_SIGNATURE,
        /** A signature carries a known key's name and ID but does not hold: the note is forged or damaged. */
        INVALID_SIGNATURE
    }

    private final Reason reason;

    public NoteVerificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
