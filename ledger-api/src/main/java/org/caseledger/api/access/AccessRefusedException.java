package org.caseledger.api.access;

import org.caseledger.api.problems.ProblemException;
import org.caseledger.api.problems.ProblemType;
import org.caseledger.api.problems.BundleText;

/**
 * A member of staff asked for something of a case or a unit their role and unit do not give them; answered 403 with
 * the reason in the reader's words ({@code refusal.<CODE>} in the message bundles).
 */
public class AccessRefusedException extends ProblemException {

    private final Refusal refusal;

    public AccessRefusedException(Refusal refusal) {
        super(ProblemType.FORBIDDEN, new BundleText("problem.forbidden.because"), refusal.description(),
                new BundleText("refusal." + refusal.name()));
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
