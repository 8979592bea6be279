package org.caseledger.api.integrity;

import org.caseledger.api.problems.ProblemException;
import org.caseledger.api.problems.ProblemType;

/** Sealing was asked for while the integrity alarm is raised: answered 409; the alarm itself says what and where. */
public class SealingRefusedException extends ProblemException {

    public SealingRefusedException(IntegrityAlarm.Raised raised) {
        super(ProblemType.INTEGRITY_ALARM, "The ledger refuses to sign: " + raised.problem().kind() + " (" + raised.problem().detail() + ")");
    }
}
