package org.caseledger.api.integrity;

import org.caseledger.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Sealing was asked for while the integrity alarm is raised: answered 409 with the alarm's first problem. */
public class SealingRefusedException extends ErrorResponseException {

    public SealingRefusedException(IntegrityAlarm.Raised raised) {
        super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "integrity-alarm", "Integrity alarm",
                "The ledger refuses to sign: " + raised.problem().kind() + " at global index " + raised.problem().globalIndex()
                        + " (" + raised.problem().detail() + "). An operator must look into it and acknowledge the alarm."), null);
    }
}
