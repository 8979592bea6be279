package org.caseledger.verify.witness;

/** An add-checkpoint request body that is not of the form c2sp.org/tlog-witness defines. */
public final class MalformedRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedRequestException(String message) {
        super(message);
    }
}
