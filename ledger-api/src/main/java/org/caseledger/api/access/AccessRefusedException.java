package org.caseledger.api.access;

/** A member of staff asked for something of a case or a unit their role and unit do not give them; answered 403. */
public class AccessRefusedException extends RuntimeException {

    private final Refusal refusal;

    public AccessRefusedException(Refusal refusal) {
        super(refusal.description());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
