package org.caseledger.api.processing;

import org.caseledger.api.problems.ProblemException;
import org.caseledger.api.problems.ProblemType;

/** A rebuild that could not start because other nodes hold the read models' segments; nothing was reset. */
public class RebuildRefusedException extends ProblemException {

    public RebuildRefusedException(String message) {
        super(ProblemType.REBUILD_REFUSED, message);
    }
}
