package org.caseledger.verify.tlog;

/** A text that is not a checkpoint as c2sp.org/tlog-checkpoint defines it. */
public final class MalformedCheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedCheckpointException(String message) {
        super(message);
    }
}
