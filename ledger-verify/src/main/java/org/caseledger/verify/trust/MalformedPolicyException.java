package org.caseledger.verify.trust;

/** A policy file that is not a trust policy as c2sp.org/tlog-policy defines it, within this kit's limits. */
public final class MalformedPolicyException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedPolicyException(int line, String message) {
        super(line > 0 ? "line " + line + ": " + message : message);
    }
}
