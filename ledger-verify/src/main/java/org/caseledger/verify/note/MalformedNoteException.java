package org.caseledger.verify.note;

/** Bytes that are not a signed note as c2sp.org/signed-note defines it, within this kit's limits. */
public final class MalformedNoteException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedNoteException(String message) {
        super(message);
    }
}
